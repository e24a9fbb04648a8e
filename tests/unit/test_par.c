#include <criterion/criterion.h>
#include <pthread.h>

#include "helpers.h"

/* The unit binary is linked with -Wl,--wrap=pthread_create: while
 * fail_creates is set, every other thread creation fails. */
int __real_pthread_create(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);
int __wrap_pthread_create(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);

static int fail_creates, creates;

int
__wrap_pthread_create(pthread_t *t, const pthread_attr_t *a, void *(*fn)(void *), void *arg)
{
	if (fail_creates && creates++ % 2 == 0)
		return 11; /* EAGAIN */
	return __real_pthread_create(t, a, fn, arg);
}

static void
square(size_t i, void *arg)
{
	size_t *out = arg;

	out[i] = i * i;
}

static void
check_squares(int jobs, size_t n)
{
	size_t *out = calloc(n + 1, sizeof(*out)), i;

	par_run(jobs, n, square, out);
	for (i = 0; i < n; i++)
		cr_expect_eq(out[i], i * i, "jobs %d, index %zu", jobs, i);
	free(out);
}

Test(par, every_index_runs_once_whatever_the_threads)
{
	check_squares(1, 0);
	check_squares(1, 1);
	check_squares(1, 100);
	check_squares(4, 1000);
	check_squares(PAR_MAX_JOBS, 3);
	check_squares(64, 500); /* more than PAR_MAX_JOBS threads are never made */
}

/* Review defect 5: when a thread cannot be made, the runner must neither
 * join it nor lose its share of the work. */
Test(par, a_thread_that_cannot_be_made_is_not_joined)
{
	fail_creates = 1;
	creates = 0;
	check_squares(PAR_MAX_JOBS, 1000);
	check_squares(2, 100); /* the only extra thread fails: all on this one */
	fail_creates = 0;
}

Test(par, jobs_from_the_setting_or_the_processors)
{
	cr_expect_eq(par_jobs("1"), 1);
	cr_expect_eq(par_jobs("3"), 3);
	cr_expect_eq(par_jobs("0"), 1);
	cr_expect_eq(par_jobs("-5"), 1);
	cr_expect_eq(par_jobs("1000"), PAR_MAX_JOBS);
	cr_expect_eq(par_jobs("x"), 1);
	cr_expect(par_jobs(NULL) >= 1 && par_jobs(NULL) <= PAR_MAX_JOBS);
}
