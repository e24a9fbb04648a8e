/*
 * start.c — how a command starts, when it hands the process over: to itself
 * again with huge pages (build and check), or to statusgen-serve (serve).
 * Both run the program's own file, found through /proc/self/exe.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen.h"

/* Puts the name of this program's file in self[size]; returns 0, or -1. */
static int
own_file(char *self, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", self, size - 1);

	if (n <= 0 || (size_t)n >= size - 1)
		return -1;
	self[n] = '\0';
	return 0;
}

/*
 * A build touches tens of megabytes of memory for the first time, and on a
 * virtual machine each 4 KB page of it is a fault the hypervisor serves: on
 * this project's machine, a third of the real build's time.  glibc gives
 * its heaps transparent huge pages (one fault per 2 MB) when GLIBC_TUNABLES
 * says glibc.malloc.hugetlb=1, which it reads only as a program starts.
 * Measured (tmpfs, median of 6): the real build 126 -> 95 ms, the 2 000-file
 * corpus 690 -> 515 ms; starting again costs about 6 ms of that.
 */
void
restart_with_huge_pages(char **argv)
{
	const char *given = getenv("GLIBC_TUNABLES");
	char *was = given ? xstrdup(given) : NULL, self[4096], mode[128] = "";
	char *now = was && *was ? xconcat(was, ":glibc.malloc.hugetlb=1", (char *)NULL)
	                        : xstrdup("glibc.malloc.hugetlb=1");
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");

	if (f) {
		if (fgets(mode, sizeof(mode), f) == NULL)
			mode[0] = '\0';
		fclose(f);
	}
	/* "always [madvise] never": the kernel gives huge pages to who asks.
	 * The file's name, not /proc/self/exe, is run: under valgrind that is
	 * valgrind's own program. */
	if ((strstr(mode, "[always]") || strstr(mode, "[madvise]")) &&
	    (was == NULL || strstr(was, "glibc.malloc.hugetlb=") == NULL) &&
	    own_file(self, sizeof(self)) == 0 && setenv("GLIBC_TUNABLES", now, 1) == 0) {
		execv(self, argv);
		if (was) /* not restarted: as it was */
			setenv("GLIBC_TUNABLES", was, 1);
		else
			unsetenv("GLIBC_TUNABLES");
	}
	free(now);
	free(was);
}

int
run_serve(char **argv)
{
	char self[4096], *slash;

	if (own_file(self, sizeof(self)) == 0 && (slash = strrchr(self, '/')) != NULL) {
		char *path;
		*slash = '\0';
		path = path_join(self, "statusgen-serve");
		execv(path, argv);
		free(path);
	}
	execvp("statusgen-serve", argv);
	fprintf(stderr,
	        "statusgen: serve is statusgen-serve's, which is neither beside statusgen nor on "
	        "PATH: %s ('make gen/statusgen-serve' builds it)\n",
	        file_error(errno));
	return 2;
}
