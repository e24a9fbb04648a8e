/*
 * par.c — runs independent jobs on several threads.
 *
 * A job is fn(i, arg) for one index i; jobs take indexes from a shared
 * counter, so a long job does not hold up the others.  Each job must change
 * only what belongs to its index.  Diagnostics need nothing here: diag.c
 * orders them by file and position, so the output is the same whatever the
 * number of threads.  Owns nothing after it returns.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "gen.h"

struct par {
	size_t n;
	atomic_size_t next;
	void (*fn)(size_t, void *);
	void *arg;
};

static void *
par_worker(void *p)
{
	struct par *w = p;
	size_t i;

	while ((i = atomic_fetch_add(&w->next, 1)) < w->n)
		w->fn(i, w->arg);
	return NULL;
}

int
par_jobs(const char *setting)
{
	long n = setting ? strtol(setting, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > PAR_MAX_JOBS ? PAR_MAX_JOBS : (int)n;
}

void
par_run(int jobs, size_t n, void (*fn)(size_t i, void *arg), void *arg)
{
	struct par w;
	pthread_t t[PAR_MAX_JOBS];
	int k, started = 0;
	size_t i;

	if (jobs <= 1 || n < 2) {
		for (i = 0; i < n; i++)
			fn(i, arg);
		return;
	}
	if (jobs > PAR_MAX_JOBS)
		jobs = PAR_MAX_JOBS;
	w.n = n;
	atomic_init(&w.next, 0);
	w.fn = fn;
	w.arg = arg;
	/* Threads are t[0..started): a thread that could not be made is not
	 * waited for, and the ones made (and this one) do its share. */
	for (k = 0; k < jobs - 1; k++) {
		if (pthread_create(&t[started], NULL, par_worker, &w) != 0)
			break;
		started++;
	}
	par_worker(&w);
	for (k = 0; k < started; k++)
		pthread_join(t[k], NULL);
}
