package model

import "strings"

// Financial numerals (大寫數字): they cannot be altered by adding a stroke,
// which is why a Chinese document states its amount in them.
var (
	bigDigits = []string{"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"}
	bigUnits  = []string{"", "拾", "佰", "仟"}
	bigGroups = []string{"", "萬", "億", "兆"}
)

// currencyWords are the currencies' names in a Chinese amount in words.
var currencyWords = map[string]string{"TWD": "新臺幣", "USD": "美元", "CNY": "人民幣", "JPY": "日圓", "EUR": "歐元", "HKD": "港幣"}

// ChineseWords returns the amount in financial numerals, as a Chinese
// document states it: 新臺幣 壹佰貳拾陸萬伍仟零伍拾元整. One 零 stands for
// any run of zeros between non-zero digits, also across 萬 and 億.
func ChineseWords(m Money, currency string) string {
	name, ok := currencyWords[currency]
	if !ok {
		name = currency
	}
	sign := ""
	if m < 0 {
		sign, m = "負", -m
	}
	units, cents := int64(m)/100, int64(m)%100
	var b strings.Builder
	b.WriteString(sign)
	if units > 0 || cents == 0 {
		b.WriteString(integerWords(units))
		b.WriteString("元")
	}
	jiao, fen := cents/10, cents%10
	switch {
	case jiao > 0:
		b.WriteString(bigDigits[jiao] + "角")
	case fen > 0 && units > 0:
		b.WriteString("零")
	}
	if fen > 0 {
		b.WriteString(bigDigits[fen] + "分")
	} else {
		b.WriteString("整")
	}
	return strings.TrimSpace(name + " " + b.String())
}

// integerWords writes n in financial numerals, four digits to a group.
func integerWords(n int64) string {
	if n == 0 {
		return bigDigits[0]
	}
	var groups []int64
	for ; n > 0; n /= 10000 {
		groups = append(groups, n%10000)
	}
	var b strings.Builder
	zero := false // zeros were skipped since the last digit written
	for g := len(groups) - 1; g >= 0; g-- {
		v := groups[g]
		if v == 0 {
			zero = b.Len() > 0
			continue
		}
		if b.Len() > 0 && (zero || v < 1000) {
			b.WriteString(bigDigits[0])
		}
		zero = false
		started, pending := false, false
		for pos, div := 3, int64(1000); pos >= 0; pos, div = pos-1, div/10 {
			d := v / div % 10
			if d == 0 {
				pending = started
				continue
			}
			if pending {
				b.WriteString(bigDigits[0])
				pending = false
			}
			b.WriteString(bigDigits[d] + bigUnits[pos])
			started = true
		}
		b.WriteString(bigGroups[g])
	}
	return b.String()
}
