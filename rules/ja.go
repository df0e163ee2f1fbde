package rules

import "strings"

// Rules write their Japanese messages with the same figures as the English
// ones ("¥38,000", "2022-01-24"), which keeps each message next to its
// English twin easy to read and check. Before a message reaches a report or
// a mail, jaStyle writes those figures the Japanese way, in this one place:
// "38,000円" and "2022年1月24日". It runs over every message of every
// finding, so it scans bytes rather than running regular expressions.
func jaStyle(s string) string {
	if !strings.Contains(s, "¥") && !hasISODate(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		const yen = "¥"
		if strings.HasPrefix(s[i:], yen) && i+len(yen) < len(s) && isDigit(s[i+len(yen)]) {
			// The figure: digits and the commas between them (a comma after
			// the last digit is the sentence's).
			start, end := i+len(yen), i+len(yen)
			for j := start; j < len(s) && (isDigit(s[j]) || s[j] == ','); j++ {
				if isDigit(s[j]) {
					end = j + 1
				}
			}
			b.WriteString(s[start:end])
			b.WriteString("円")
			i = end
			continue
		}
		if isoDateAt(s, i) {
			b.WriteString(s[i : i+4])
			b.WriteString("年")
			b.WriteString(strings.TrimPrefix(s[i+5:i+7], "0"))
			b.WriteString("月")
			b.WriteString(strings.TrimPrefix(s[i+8:i+10], "0"))
			b.WriteString("日")
			i += 10
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isoDateAt reports whether an ISO date YYYY-MM-DD starts at s[i] and stands
// alone (no digit or hyphen glued to either end).
func isoDateAt(s string, i int) bool {
	if i+10 > len(s) || i > 0 && (isDigit(s[i-1]) || s[i-1] == '-') {
		return false
	}
	for k := 0; k < 10; k++ {
		c := s[i+k]
		if (k == 4 || k == 7) != (c == '-') || k != 4 && k != 7 && !isDigit(c) {
			return false
		}
	}
	if i+10 < len(s) && (isDigit(s[i+10]) || s[i+10] == '-') {
		return false
	}
	return s[i+5:i+7] >= "01" && s[i+5:i+7] <= "12" && s[i+8:i+10] >= "01" && s[i+8:i+10] <= "31"
}

func hasISODate(s string) bool {
	for i := strings.IndexByte(s, '-'); i >= 4; {
		if isoDateAt(s, i-4) {
			return true
		}
		j := strings.IndexByte(s[i+1:], '-')
		if j < 0 {
			return false
		}
		i += j + 1
	}
	return false
}
