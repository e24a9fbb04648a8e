/*
 * names.c — the vocabulary of the content format (SPEC §2): the spellings of
 * languages, classes, registries and statuses, and the shape of an id.
 */
#include <stdlib.h>
#include <string.h>

#include "gen.h"

const char *const lang_code[LANG__N] = {"zh", "en", "zh-Hant"};
const char *const lang_dir[LANG__N] = {"zh", "en", "zh-hant"};

const char *const class_name[CLASS__N] = {
    "informational", "success", "redirection", "client-error", "server-error", "nonstandard",
};

const char *const class_slug[CLASS__N] = {"1xx", "2xx", "3xx", "4xx", "5xx", "nonstandard"};

const char *const registry_name[REG__N] = {"iana", "vendor", "unofficial"};

const char *const status_name[STATUS__N] = {"current", "deprecated", "unused", "obsolete", "joke"};

/* The ecosystems a `constants` entry may name (each has its list of names
 * in data/constants/KEY.txt), sorted, and how a page labels them. */
const char *const constant_key[CONSTANT_KEYS] = {
    "aspnetcore", "dotnet", "go",    "java", "ktor",   "node",
    "php",        "python", "rails", "rust", "spring", "vapor",
};
const char *const constant_label[CONSTANT_KEYS] = {
    "ASP.NET Core",  ".NET",   "Go",    "Java", "Ktor",   "Node.js",
    "PHP (Symfony)", "Python", "Rails", "Rust", "Spring", "Vapor",
};

/* Returns the class a code belongs to by its first digit. */
int
class_of_code(int code)
{
	if (code < 100 || code > 599)
		return CLASS_NONSTANDARD;
	return CLASS_INFORMATIONAL + code / 100 - 1;
}

/* Returns the index of `s` in names[0..n), or -1. */
int
name_lookup(const char *const *names, int n, const char *s)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

/*
 * Returns 1 if `s` is a meaning id — three digits, then optionally '-' and a
 * vendor slug of [a-z0-9-] — writing the code and the slug (pointing into s,
 * or NULL) to the outputs; returns 0 otherwise.  An id can never name a path.
 */
int
id_parse(const char *s, int *code, const char **slug)
{
	size_t i;

	for (i = 0; i < 3; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	if (s[3] == '\0') {
		*code = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
		*slug = NULL;
		return 1;
	}
	if (s[3] != '-' || s[4] == '\0')
		return 0;
	for (i = 4; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	*code = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
	*slug = s + 4;
	return 1;
}

/* Returns a slug for a display name ("Microsoft IIS" → "microsoft-iis"),
 * which the caller frees; never empty. */
char *
slugify(const char *name)
{
	char *out = xmalloc(strlen(name) + 1), *o = out;
	const char *p;

	for (p = name; *p; p++) {
		char ch = *p;
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
			*o++ = ch;
		else if (o > out && o[-1] != '-')
			*o++ = '-';
	}
	while (o > out && o[-1] == '-')
		o--;
	*o = '\0';
	if (out[0] == '\0') {
		free(out);
		out = xstrdup("vendor");
	}
	return out;
}
