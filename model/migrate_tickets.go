package model

import (
	"time"

	"gorm.io/gorm"
)

// managedNewTicketsSchema is the step that takes New tickets with a
// manager out of the New queue.
const managedNewTicketsSchema = 18

// moveManagedNewTickets (step 18) assigns in house every New ticket that
// has a manager, each with its status event, as Ticket.setStatus would
// write it then. It is frozen with the step: plain SQL on the tables as
// they were, the event's line a fixed Msg, no struct of a later build.
func moveManagedNewTickets(tx *gorm.DB, _ *time.Location) error {
	now := tx.NowFunc().UTC().Truncate(time.Microsecond)
	const managedNew = "status = 0 AND manager_id IS NOT NULL"
	line := encodeLines([]Msg{M("a ticket with a manager is not in the New queue: assigned in house on upgrading")})
	err := tx.Exec(`INSERT INTO events (entity, entity_id, "at", "by", by_id, action, "from", "to", lines, changes, note)
		SELECT 'ticket', id, ?, ?, 0, 'status', '0', '1', ?, '', '' FROM tickets WHERE `+managedNew+` ORDER BY id`,
		now, System.Name, line).Error
	if err != nil {
		return err
	}
	return tx.Exec(`UPDATE tickets SET status = 1, in_house_tried = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE `+managedNew,
		true, now, System.Name).Error
}
