package ui

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/storage/repository"

	"orderdesk/model"
)

// Fyne's save dialog opens (and so empties) the file a clerk chose before
// OrderDesk sees the choice: were it the database, the office would be
// gone before any check could run. So every file Fyne writes passes the
// model's rule first, through this wrapper of Fyne's file repository. The
// dialog itself asks before replacing another existing file.

// fileRepo is what Fyne's file repository does, and the dialogs use.
type fileRepo interface {
	repository.AppendableRepository
	repository.ListableRepository
	repository.HierarchicalRepository
	repository.CopyableRepository
	repository.MovableRepository
}

// guardedFiles is Fyne's file repository, refusing to write the database.
type guardedFiles struct {
	fileRepo
}

// guardedStore is the database the open window works on.
var guardedStore atomic.Pointer[model.Store]

// guardFiles puts the rule in front of Fyne's file repository for store
// (once; a later call changes only the store).
func guardFiles(store *model.Store) {
	guardedStore.Store(store)
	repo, err := repository.ForURI(storage.NewFileURI("/"))
	if err != nil {
		return
	}
	if _, ok := repo.(guardedFiles); ok {
		return
	}
	if files, ok := repo.(fileRepo); ok {
		repository.Register("file", guardedFiles{files})
	}
}

func (g guardedFiles) check(u fyne.URI) error {
	return model.CheckOutputPath(u.Path(), guardedStore.Load(), true)
}

func (g guardedFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	if err := g.check(u); err != nil {
		return nil, err
	}
	return g.fileRepo.Writer(u)
}

func (g guardedFiles) Appender(u fyne.URI) (fyne.URIWriteCloser, error) {
	if err := g.check(u); err != nil {
		return nil, err
	}
	return g.fileRepo.Appender(u)
}

func (g guardedFiles) Copy(from, to fyne.URI) error {
	if err := g.check(to); err != nil {
		return err
	}
	return g.fileRepo.Copy(from, to)
}

func (g guardedFiles) Move(from, to fyne.URI) error {
	if err := g.check(to); err != nil {
		return err
	}
	if err := g.check(from); err != nil {
		return err
	}
	return g.fileRepo.Move(from, to)
}
