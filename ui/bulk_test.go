package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"orderdesk/model"
)

// zhNames are the Chinese names generated customers are made of.
var zhNames = []string{"萬國紙業", "長春紙品", "大同印刷", "永豐餘包裝", "華新彩印", "正隆紙器", "台灣紙業", "榮成紙業"}

// bulkInsert writes customers and products straight into the store's file
// in a few transactions: tens of thousands of rows in well under a second,
// where as many SaveCustomer calls (each with its checks and event) would
// take minutes. The rows are what SaveCustomer would store, Search included.
func bulkInsert(tb testing.TB, store *model.Store, customers, products int) {
	tb.Helper()
	db, err := gorm.Open(sqlite.Open(store.Path+"?_pragma=busy_timeout(10000)"),
		&gorm.Config{Logger: logger.Default.LogMode(logger.Silent), SkipDefaultTransaction: true})
	if err != nil {
		tb.Fatal(err)
	}
	defer func() {
		if sqlDB, err := db.DB(); err == nil {
			sqlDB.Close()
		}
	}()
	now := testNow.UTC()
	row := model.Row{CreatedAt: now, UpdatedAt: now, CreatedBy: "bulk", UpdatedBy: "bulk", Version: 1}
	cs := make([]model.Customer, customers)
	for i := range cs {
		zh := fmt.Sprintf("%s%d號", zhNames[i%len(zhNames)], i)
		en := fmt.Sprintf("Customer %d Ltd.", i)
		phone := fmt.Sprintf("02-%04d %04d", i%10000, (i*7)%10000)
		code := fmt.Sprintf("C%05d", i)
		cs[i] = model.Customer{Row: row, Code: code, NameZH: zh, NameEN: en, Tier: model.Tier("ABC"[i%3 : i%3+1]),
			Currency: "TWD", Phone: phone, DocLanguage: model.LangZH, Active: i%50 != 0,
			Search: strings.ToLower(code+"|"+zh+"|"+en) + "|" + digits(phone)}
	}
	ps := make([]model.Product, products)
	for i := range ps {
		code := fmt.Sprintf("P-%03d-%04d", 60+i%120, i)
		zh := fmt.Sprintf("道林紙%d", i)
		ps[i] = model.Product{Row: row, Code: code, NameZH: zh, NameEN: fmt.Sprintf("Woodfree %d", i),
			WidthMM: 700 + i%800, Grammage: 60 + i%120, LengthM: 6000, CoreMM: 76, Unit: "roll", Active: true,
			Search: strings.ToLower(code + "|" + zh + "|" + fmt.Sprintf("woodfree %d", i))}
	}
	start := time.Now()
	err = db.Transaction(func(tx *gorm.DB) error {
		if err := tx.CreateInBatches(cs, 500).Error; err != nil {
			return err
		}
		if len(ps) == 0 {
			return nil
		}
		return tx.CreateInBatches(ps, 500).Error
	})
	if err != nil {
		tb.Fatalf("bulk insert: %v", err)
	}
	tb.Logf("inserted %d customers and %d products in %v", customers, products, time.Since(start))
}

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
