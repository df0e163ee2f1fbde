package rules_test

import (
	"strings"
	"testing"

	"github.com/cardcheck/cardcheck/pkg/config"
	"github.com/cardcheck/cardcheck/pkg/lang"
	"github.com/cardcheck/cardcheck/pkg/message"
	"github.com/cardcheck/cardcheck/pkg/scan"
	"github.com/cardcheck/cardcheck/pkg/severity"
	"github.com/cardcheck/cardcheck/rules"
)

// TestDemo runs the pipeline on the demo statements, with and without the
// demo config: exactly one alert, the five Apple charges of 2022-01-24, and
// exit code 1. The 会費ペイ use during the Metaps breach is explained in
// that finding's reasons.
func TestDemo(t *testing.T) {
	for _, withConfig := range []bool{false, true} {
		opt := scan.Options{}
		name := "no config"
		if withConfig {
			name = "demo config"
			cfg, err := config.Load("../testdata/demo/config.yaml", true)
			if err != nil {
				t.Fatal(err)
			}
			opt.Config = cfg
		}
		t.Run(name, func(t *testing.T) {
			eng, err := rules.New(opt.Config.Spec())
			if err != nil {
				t.Fatal(err)
			}
			opt.Engine = eng
			res := scan.Run([]string{"../testdata/demo"}, opt)
			if len(res.Errors) > 0 {
				t.Fatal(res.Errors)
			}
			var alerts, notices []rules.Finding
			for _, f := range res.Findings {
				switch {
				case f.Severity == severity.Alert:
					alerts = append(alerts, f)
				case f.CardLevel && f.Rule == "breach-exposure":
					notices = append(notices, f)
				default:
					t.Errorf("unexpected finding: %v %s", f.Severity, summary(f))
				}
			}
			// The breach is a notice of its own (issue 10: acknowledging the
			// Apple alert must not hide it), and the alert names it.
			if len(notices) != 1 || !strings.Contains(summary(notices[0]), "this card was used at 会費ペイ on 2021-12-20, inside the Metaps Payment breach") {
				t.Errorf("breach notices: %d", len(notices))
			}
			if len(alerts) != 1 {
				t.Fatalf("%d alerts, want 1", len(alerts))
			}
			a := alerts[0]
			if len(a.Charges) != 5 || a.ID != "6a3412695cfa" {
				t.Errorf("alert: %d charges, id %s", len(a.Charges), a.ID)
			}
			for _, c := range a.Charges {
				if c.Payee != "APPLE COM BILL" || c.Date.String() != "2022-01-24" {
					t.Errorf("alert charge %s %s", c.Date, c.Payee)
				}
			}
			if !strings.Contains(summary(a), "this card was exposed in the Metaps Payment breach (used at 会費ペイ on 2021-12-20)") {
				t.Errorf("the alert does not name the breach: %s", summary(a))
			}
			for _, want := range []string{"burst", "unknown-payee", "high-risk-merchant", "breach-exposure"} {
				found := false
				for _, r := range a.Reasons {
					found = found || r.Rule == want
				}
				if !found {
					t.Errorf("no %s reason in %q", want, summary(a))
				}
			}
		})
	}
}

func summary(f rules.Finding) string {
	var ms []message.Message
	for _, r := range f.Reasons {
		ms = append(ms, r.Message)
	}
	return message.Sentences(lang.EN, ms)
}
