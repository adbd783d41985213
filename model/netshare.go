package model

import (
	"bufio"
	"io"
	"strings"
)

// IsNetworkPath reports whether path is on a network share (a UNC path, a
// mapped network drive, an NFS/SMB/CIFS mount...), where SQLite's file
// locking cannot be trusted, and how it was recognised.
func IsNetworkPath(path string) (bool, string) {
	if isUNC(path) {
		return true, "UNC path"
	}
	return isNetworkMount(path)
}

// isUNC reports whether path is a Windows UNC path (\\server\share or //server/share),
// excluding the local device namespaces \\?\C:\ and \\.\.
func isUNC(path string) bool {
	p := strings.ReplaceAll(path, "/", `\`)
	if !strings.HasPrefix(p, `\\`) {
		return false
	}
	rest := p[2:]
	if strings.HasPrefix(rest, `?\UNC\`) {
		return true
	}
	if strings.HasPrefix(rest, `?\`) || strings.HasPrefix(rest, `.\`) {
		return false
	}
	server, _, ok := strings.Cut(rest, `\`)
	return ok && server != ""
}

// networkFSTypes are file-system types that live on another machine.
var networkFSTypes = map[string]bool{
	"nfs": true, "nfs4": true, "cifs": true, "smb": true, "smb2": true, "smb3": true, "smbfs": true,
	"afpfs": true, "webdav": true, "davfs": true, "fuse.sshfs": true, "sshfs": true, "ncpfs": true,
	"afs": true, "9p": true, "ceph": true, "glusterfs": true, "fuse.glusterfs": true, "lustre": true,
	"fuse.davfs2": true, "fuse.rclone": true, "gfs2": true, "ocfs2": true,
}

// isNetworkFSType reports whether a file-system type name is a network one.
func isNetworkFSType(fs string) bool { return networkFSTypes[strings.ToLower(fs)] }

// mountFSType finds the file-system type of the mount holding path in a
// Linux /proc/self/mountinfo listing: the longest mount point that is a
// prefix of path wins.
func mountFSType(mountinfo io.Reader, path string) (fsType, mountPoint string) {
	sc := bufio.NewScanner(mountinfo)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	best := -1
	for sc.Scan() {
		// 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
		pre, post, ok := strings.Cut(sc.Text(), " - ")
		if !ok {
			continue
		}
		f, g := strings.Fields(pre), strings.Fields(post)
		if len(f) < 5 || len(g) < 1 {
			continue
		}
		mp := unescapeMount(f[4])
		if under(path, mp) && len(mp) > best {
			best, fsType, mountPoint = len(mp), g[0], mp
		}
	}
	return fsType, mountPoint
}

// under reports whether path is mp or inside it.
func under(path, mp string) bool {
	if mp == "/" {
		return strings.HasPrefix(path, "/")
	}
	return path == mp || strings.HasPrefix(path, mp+"/")
}

// unescapeMount undoes mountinfo's octal escapes (\040 is a space).
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) && isOctal(s[i+1]) && isOctal(s[i+2]) && isOctal(s[i+3]) {
			b.WriteByte((s[i+1]-'0')<<6 | (s[i+2]-'0')<<3 | (s[i+3] - '0'))
			i += 3
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isOctal(c byte) bool { return c >= '0' && c <= '7' }
