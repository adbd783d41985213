package ui

import (
	"fmt"
	"reflect"
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
	row := bulkRow()
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
	bulkWrite(tb, store, cs, ps)
}

// zhVendorNames are the Chinese names generated vendors are made of.
var zhVendorNames = []string{"長春紙漿", "台灣化學塗料", "東方紙管", "新竹物流", "嘉里大榮貨運", "永豐油墨"}

// bulkVendors writes n vendors the way bulkInsert writes customers, one in
// fifty deactivated.
func bulkVendors(tb testing.TB, store *model.Store, n int) {
	tb.Helper()
	row := bulkRow()
	vs := make([]model.Vendor, n)
	for i := range vs {
		zh := fmt.Sprintf("%s%d號", zhVendorNames[i%len(zhVendorNames)], i)
		en := fmt.Sprintf("Vendor %d Co.", i)
		phone := fmt.Sprintf("04-%04d %04d", i%10000, (i*7)%10000)
		fax := fmt.Sprintf("04-%04d %04d", i%10000, (i*7+1)%10000)
		code := fmt.Sprintf("V%05d", i)
		vs[i] = model.Vendor{Row: row, Code: code, NameZH: zh, NameEN: en, Phone: phone, Fax: fax,
			Active: i%50 != 0, Search: strings.ToLower(code+"|"+zh+"|"+en) + "|" + digits(phone) + "|" + digits(fax)}
	}
	bulkWrite(tb, store, vs)
}

// bulkRow is the Row of every bulk-written record.
func bulkRow() model.Row {
	now := testNow.UTC()
	return model.Row{CreatedAt: now, UpdatedAt: now, CreatedBy: "bulk", UpdatedBy: "bulk", Version: 1}
}

// bulkWrite inserts each slice of records in one transaction, on a
// connection of its own to the store's file.
func bulkWrite(tb testing.TB, store *model.Store, slices ...any) {
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
	start, rows := time.Now(), 0
	err = db.Transaction(func(tx *gorm.DB) error {
		for _, s := range slices {
			n := reflect.ValueOf(s).Len()
			if n == 0 {
				continue
			}
			rows += n
			if err := tx.CreateInBatches(s, 500).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatalf("bulk insert: %v", err)
	}
	tb.Logf("inserted %d rows in %v", rows, time.Since(start))
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
