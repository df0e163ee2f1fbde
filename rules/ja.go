package rules

import (
	"regexp"
	"strconv"
)

// Rules write their Japanese messages with the same figures as the English
// ones ("¥38,000", "2022-01-24"), which keeps each message next to its
// English twin easy to read and check. Before a message reaches a report or
// a mail, jaStyle writes those figures the Japanese way, in this one place:
// "38,000円" and "2022年1月24日".
var (
	yenFigure  = regexp.MustCompile(`(-?)¥([0-9][0-9,]*)`)
	dateFigure = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
)

func jaStyle(s string) string {
	s = yenFigure.ReplaceAllString(s, "${1}${2}円")
	return dateFigure.ReplaceAllStringFunc(s, func(d string) string {
		m := dateFigure.FindStringSubmatch(d)
		mo, _ := strconv.Atoi(m[2])
		day, _ := strconv.Atoi(m[3])
		return m[1] + "年" + strconv.Itoa(mo) + "月" + strconv.Itoa(day) + "日"
	})
}
