#include <criterion/criterion.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "helpers.h"

/* A scratch folder for one test; the caller frees it (and rm_rf's it). */
static char *
scratch(void)
{
	char *d = xstrdup("/tmp/statusgen-outdir-XXXXXX");

	cr_assert_not_null(mkdtemp(d));
	return d;
}

static ino_t
inode(const char *dir, const char *rel)
{
	char *p = path_join(dir, rel);
	struct stat st;

	cr_assert_eq(stat(p, &st), 0, "%s exists", p);
	free(p);
	return st.st_ino;
}

static char *
slurp(const char *dir, const char *rel)
{
	char *p = path_join(dir, rel), *data = NULL;
	size_t len;

	cr_assert_eq(file_read(p, 1 << 20, &data, &len), 0, "%s readable", p);
	free(p);
	return data;
}

Test(outdir, a_commit_replaces_the_folder_whole)
{
	char *d = scratch(), *out = path_join(d, "site"), *s;
	struct outdir *od;

	capture();
	cr_assert_not_null(od = outdir_begin(out));
	cr_expect_eq(outdir_write(od, "a.html", "A", 1), 0);
	cr_expect_eq(outdir_write(od, "zh/b.html", "B", 1), 0, "a subfolder is made");
	cr_expect_eq(access(out, F_OK), -1, "nothing is at --out before the commit");
	cr_expect_eq(outdir_commit(od), 0);
	outdir_free(od);
	s = slurp(out, "zh/b.html");
	cr_expect_str_eq(s, "B");
	free(s);
	cr_expect_eq(access(out, F_OK), 0);
	cr_expect_str_eq(captured(), "");
	rm_rf(d);
	free(out);
	free(d);
}

Test(outdir, without_a_commit_nothing_changes)
{
	char *d = scratch(), *out = path_join(d, "site"), *s, **names = NULL;
	struct outdir *od;
	int n, i;

	capture();
	od = outdir_begin(out);
	outdir_write(od, "a.html", "old", 3);
	outdir_commit(od);
	outdir_free(od);
	od = outdir_begin(out);
	outdir_write(od, "a.html", "new", 3);
	outdir_free(od); /* a failed build */
	s = slurp(out, "a.html");
	cr_expect_str_eq(s, "old");
	free(s);
	n = dir_list(d, &names);
	cr_expect_eq(n, 2, "beside --out only its lock, no build folder");
	for (i = 0; i < n; i++) {
		cr_expect(strcmp(names[i], "site") == 0 || strcmp(names[i], "site.lock") == 0, "%s",
		          names[i]);
		free(names[i]);
	}
	free(names);
	rm_rf(d);
	free(out);
	free(d);
}

/* A second write of one name fails and never goes through the hard link
 * to the previous site (hostile input, class 5). */
Test(outdir, a_second_write_of_one_name_never_changes_the_previous_site)
{
	char *d = scratch(), *out = path_join(d, "site"), *s;
	struct outdir *od;

	capture();
	od = outdir_begin(out);
	outdir_write(od, "a.html", "old", 3);
	outdir_commit(od);
	outdir_free(od);
	od = outdir_begin(out);
	cr_expect_eq(outdir_write(od, "a.html", "old", 3), 0, "linked from the previous site");
	cr_expect_eq(outdir_write(od, "a.html", "evil", 4), -1);
	cr_expect(outdir_failed(od));
	outdir_free(od);
	s = slurp(out, "a.html");
	cr_expect_str_eq(s, "old", "the previous site is unchanged");
	free(s);
	cr_expect(strstr(captured(), "two files would be written to 'a.html'") != NULL, "%s",
	          captured());
	rm_rf(d);
	free(out);
	free(d);
}

/* Review defect 6: unchanged files are linked from the previous site (same
 * inode); changed ones are written anew, also in a folder the new site has
 * not made yet. */
Test(outdir, unchanged_files_are_linked_changed_ones_written)
{
	char *d = scratch(), *out = path_join(d, "site"), *s;
	struct outdir *od;
	ino_t same, changed, deep;

	capture();
	od = outdir_begin(out);
	outdir_write(od, "same.html", "same", 4);
	outdir_write(od, "changed.html", "before", 6);
	outdir_write(od, "zh/deep.html", "deep", 4);
	outdir_commit(od);
	outdir_free(od);
	same = inode(out, "same.html");
	changed = inode(out, "changed.html");
	deep = inode(out, "zh/deep.html");

	od = outdir_begin(out);
	outdir_write(od, "zh/deep.html", "deep", 4); /* its folder does not exist yet */
	outdir_write(od, "same.html", "same", 4);
	outdir_write(od, "changed.html", "after!", 6); /* same length, other bytes */
	outdir_commit(od);
	outdir_free(od);
	cr_expect_eq(inode(out, "same.html"), same);
	cr_expect_eq(inode(out, "zh/deep.html"), deep);
	cr_expect_neq(inode(out, "changed.html"), changed);
	s = slurp(out, "changed.html");
	cr_expect_str_eq(s, "after!");
	free(s);
	cr_expect_str_eq(captured(), "");
	rm_rf(d);
	free(out);
	free(d);
}

Test(outdir, refuses_a_folder_it_did_not_make)
{
	char *d = scratch(), *out = path_join(d, "mine"), *f = path_join(out, "keep.txt");

	cr_assert_eq(mkdir(out, 0755), 0);
	cr_assert_eq(file_write(f, "x", 1), 0);
	capture();
	cr_expect_null(outdir_begin(out));
	cr_expect(strstr(captured(), "refusing to replace a folder statusgen did not make") !=
	          NULL);
	cr_expect_eq(access(f, F_OK), 0, "the folder's file is still there");
	rm_rf(d);
	free(f);
	free(out);
	free(d);
}

/* Review defect 4: a write that fails is one I/O error, reported once. */
Test(outdir, a_failed_write_is_reported_once_and_stops_the_commit)
{
	char *d = scratch(), *out = path_join(d, "site"), *blocker;
	struct outdir *od;

	capture();
	od = outdir_begin(out);
	/* "x" is a file, so "x/y.html" cannot be written. */
	cr_expect_eq(outdir_write(od, "x", "file", 4), 0);
	cr_expect_eq(outdir_write(od, "x/y.html", "a", 1), -1);
	cr_expect_eq(outdir_write(od, "x/z.html", "b", 1), -1);
	cr_expect_eq(outdir_write(od, "fine.html", "c", 1), -1,
	             "nothing is written after a failure");
	cr_expect(outdir_failed(od));
	cr_expect_eq(outdir_commit(od), -1);
	outdir_free(od);
	blocker = xasprintf("%s: error: cannot write the new site: Not a directory\n", out);
	cr_expect_str_eq(captured(), blocker);
	cr_expect_eq(access(out, F_OK), -1);
	free(blocker);
	rm_rf(d);
	free(out);
	free(d);
}

/* A file written in pieces (codes.json: thousands, megabytes) is the pieces
 * one after another, whatever their sizes (empty ones too, more of them than
 * one writev takes, a compare block ending inside one); and, unchanged, it
 * is linked from the previous site like any other file. */
Test(outdir, a_file_in_pieces_is_written_and_compared_whole)
{
	char *d = scratch(), *out = path_join(d, "site"), *p, *s, text[40000];
	struct iovec v[300];
	struct outdir *od;
	size_t at = 0, len;
	ino_t first;
	int k, round;

	for (k = 0; k < 300; k++) { /* 0 to 249 bytes each: 37,350 in all */
		size_t n = (size_t)(k * 37) % 250;
		memset(text + at, 'a' + k % 26, n);
		v[k].iov_base = text + at;
		v[k].iov_len = n;
		at += n;
	}
	capture();
	for (round = 0; round < 3; round++) {
		if (round == 2)
			text[at / 2] = '!'; /* one byte in the middle differs */
		cr_assert_not_null(od = outdir_begin(out));
		cr_expect_eq(outdir_writev(od, "codes.json", v, 300), 0);
		cr_expect_eq(outdir_commit(od), 0);
		outdir_free(od);
		p = path_join(out, "codes.json");
		cr_assert_eq(file_read(p, 1 << 20, &s, &len), 0);
		free(p);
		cr_expect(len == at && memcmp(s, text, at) == 0, "round %d: the pieces in order",
		          round);
		free(s);
		if (round == 0)
			first = inode(out, "codes.json");
		else if (round == 1)
			cr_expect_eq(inode(out, "codes.json"), first, "unchanged: linked");
		else
			cr_expect_neq(inode(out, "codes.json"), first, "changed: written anew");
	}
	cr_expect_str_eq(captured(), "");
	rm_rf(d);
	free(out);
	free(d);
}
