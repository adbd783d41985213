package model

// scanReturnsSchema is the schema step that adds returned scans (issue
// 19): model/migrations/*/0013_scan_returns.sql.
const scanReturnsSchema = 13
