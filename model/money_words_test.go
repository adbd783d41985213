package model

import "testing"

func TestChineseWords(t *testing.T) {
	for _, c := range []struct {
		m    Money
		want string
	}{
		{MoneyOf(1_265_050), "新臺幣 壹佰貳拾陸萬伍仟零伍拾元整"},
		{MoneyOf(10_005), "新臺幣 壹萬零伍元整"},
		{MoneyOf(1_000_000), "新臺幣 壹佰萬元整"},
		{MoneyOf(20_000_100), "新臺幣 貳仟萬零壹佰元整"},
		{MoneyOf(100_010_000), "新臺幣 壹億零壹萬元整"},
		{MoneyOf(10_010_000), "新臺幣 壹仟零壹萬元整"},
		{MoneyOf(10_001_000), "新臺幣 壹仟萬壹仟元整"},
		{MoneyOf(12_301_234), "新臺幣 壹仟貳佰參拾萬壹仟貳佰參拾肆元整"},
		{MoneyOf(100_010), "新臺幣 壹拾萬零壹拾元整"},
		{MoneyOf(10), "新臺幣 壹拾元整"},
		{0, "新臺幣 零元整"},
		{Money(150), "新臺幣 壹元伍角整"},
		{Money(105), "新臺幣 壹元零伍分"},
		{Money(5), "新臺幣 伍分"},
	} {
		if got := ChineseWords(c.m, "TWD"); got != c.want {
			t.Errorf("%s: %s, want %s", FormatMoney(c.m, "TWD"), got, c.want)
		}
	}
	if got := ChineseWords(MoneyOf(3_179), "USD"); got != "美元 參仟壹佰柒拾玖元整" {
		t.Errorf("USD: %s", got)
	}
}
