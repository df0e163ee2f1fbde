// Package all lists every built-in statement format, so that callers build a
// registry explicitly rather than through blank imports.
package all

import (
	"github.com/cardcheck/cardcheck/pkg/importer"
	"github.com/cardcheck/cardcheck/pkg/importer/aeon"
	"github.com/cardcheck/cardcheck/pkg/importer/amex"
	"github.com/cardcheck/cardcheck/pkg/importer/aupay"
	"github.com/cardcheck/cardcheck/pkg/importer/epos"
	"github.com/cardcheck/cardcheck/pkg/importer/jcb"
	"github.com/cardcheck/cardcheck/pkg/importer/moneyforward"
	"github.com/cardcheck/cardcheck/pkg/importer/mufgweb"
	"github.com/cardcheck/cardcheck/pkg/importer/nicos"
	"github.com/cardcheck/cardcheck/pkg/importer/paypay"
	"github.com/cardcheck/cardcheck/pkg/importer/rakuten"
	"github.com/cardcheck/cardcheck/pkg/importer/saison"
	"github.com/cardcheck/cardcheck/pkg/importer/userformat"
	"github.com/cardcheck/cardcheck/pkg/importer/view"
	"github.com/cardcheck/cardcheck/pkg/importer/vpass"
	"github.com/cardcheck/cardcheck/pkg/importer/zaim"
)

// Formats returns the built-in formats.
func Formats() []importer.Format {
	return []importer.Format{
		vpass.Confirmed,
		paypay.Format,
		amex.Format,
		nicos.Format,
		mufgweb.Format,
		aeon.Format,
		aupay.Format,
		moneyforward.Format,
		vpass.Preliminary,
		vpass.DCard,
		rakuten.Format,
		zaim.Format,
		jcb.Format,
		saison.Format,
		view.Format,
		epos.Format,
	}
}

// Registry returns a registry with the built-in formats and the user-defined
// ones (which must have been validated).
func Registry(user []userformat.Spec) *importer.Registry {
	r := &importer.Registry{}
	for _, f := range Formats() {
		r.Register(f)
	}
	for _, s := range user {
		r.Register(s.Format())
	}
	return r
}
