package model

import (
	"strconv"

	"gorm.io/gorm"
)

// nameTicketManagers adds to each "assigned" event of a ticket a line that
// names the managers it moved between. The event keeps their ids (From and
// To), which no reader should be shown; the names are read when the history
// is, so the events written before this line was added read the same.
func nameTicketManagers(db *gorm.DB, events []Event) error {
	var ids []uint
	for _, e := range events {
		if e.Action == TktAssigned {
			for _, v := range []string{e.From, e.To} {
				if id, err := strconv.ParseUint(v, 10, 32); err == nil {
					ids = append(ids, uint(id))
				}
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	var people []Employee
	if err := db.Select("id, name").Where("id IN ?", ids).Find(&people).Error; err != nil {
		return err
	}
	names := make(map[string]string, len(people))
	for _, p := range people {
		names[uintText(p.ID)] = p.Name
	}
	name := func(v string) any {
		if n, ok := names[v]; ok {
			return n
		}
		return M("nobody")
	}
	for i, e := range events {
		if e.Action == TktAssigned {
			events[i].say(M("manager: {{.From}} → {{.To}}", "From", name(e.From), "To", name(e.To)))
		}
	}
	return nil
}
