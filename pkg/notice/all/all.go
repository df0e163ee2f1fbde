// Package all builds the registry of every built-in notice layout.
package all

import (
	"github.com/cardcheck/cardcheck/pkg/notice"
	"github.com/cardcheck/cardcheck/pkg/notice/aupay"
	"github.com/cardcheck/cardcheck/pkg/notice/epos"
	"github.com/cardcheck/cardcheck/pkg/notice/jcb"
	"github.com/cardcheck/cardcheck/pkg/notice/life"
	"github.com/cardcheck/cardcheck/pkg/notice/paypay"
	"github.com/cardcheck/cardcheck/pkg/notice/pocket"
	"github.com/cardcheck/cardcheck/pkg/notice/rakuten"
	"github.com/cardcheck/cardcheck/pkg/notice/smbc"
	"github.com/cardcheck/cardcheck/pkg/notice/view"
)

// Registry returns a registry holding every built-in layout.
func Registry() *notice.Registry {
	r := &notice.Registry{}
	for _, l := range []notice.Layout{
		smbc.Notice, smbc.Digest,
		rakuten.Preliminary, rakuten.Confirmed,
		jcb.RealTime, jcb.Arrived, jcb.Cancel,
		epos.Notice,
		aupay.Preliminary, aupay.Detail,
		view.Preliminary, view.Confirmed,
		pocket.Notice, life.Notice, paypay.Notice,
	} {
		r.Register(l)
	}
	return r
}
