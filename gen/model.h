/*
 * statusgen data model.
 *
 * Data flows one way: content.c and frontmatter.c fill a `struct meaning` per
 * content file, registry.c fills a `struct registry` from the IANA snapshot,
 * check.c links the two (setting the `iana` and `target` pointers),
 * markdown.c checks the bodies (md_check) and renders them (md_render), and
 * view.c, site.c, search.c and export.c only read.  model.c makes and frees
 * meanings and corpora.
 *
 * Every string is NUL-terminated UTF-8 owned by the struct that holds it,
 * unless a comment says otherwise.  A NULL string means "not given".
 */
#ifndef STATUSGEN_MODEL_H
#define STATUSGEN_MODEL_H

#include <stddef.h>

/* Languages, in the order the site shows them (Chinese is the home). */
/* The editions: zh and en are what the content is written in (the first
 * LANG__SOURCE); zh-Hant, Traditional Chinese in Taiwan usage, is made
 * from zh when the site is built (hant.c). */
enum lang { LANG_ZH, LANG_EN, LANG_ZH_HANT, LANG__N };
#define LANG__SOURCE 2

/* A position in a source file: 1-based line and column (in characters). */
struct pos {
	int line; /* 0 when unknown */
	int col;  /* 0 when unknown */
};

enum klass {
	CLASS_INFORMATIONAL,
	CLASS_SUCCESS,
	CLASS_REDIRECTION,
	CLASS_CLIENT_ERROR,
	CLASS_SERVER_ERROR,
	CLASS_NONSTANDARD,
	CLASS__N
};

enum registry_kind { REG_IANA, REG_VENDOR, REG_UNOFFICIAL, REG__N };

enum status {
	STATUS_CURRENT,
	STATUS_DEPRECATED,
	STATUS_UNUSED,
	STATUS_OBSOLETE,
	STATUS_JOKE,
	STATUS__N
};

enum ref_kind { REF_RFC, REF_DRAFT, REF_URL };

/* One entry of `references`. */
struct ref {
	enum ref_kind kind;
	int rfc;        /* REF_RFC: the RFC number */
	char *section;  /* REF_RFC: "15.5.5", or NULL */
	char *draft;    /* REF_DRAFT: "draft-ietf-…" */
	char *url;      /* REF_URL: the address; for the others, the resolved link */
	char *text;     /* display text: given for REF_URL, derived for the others */
	struct pos pos; /* the list item */
};

/* One entry of `see-also`. */
struct see_also {
	char *id;               /* "410" or "499-nginx" */
	struct pos pos;         /* the entry */
	struct meaning *target; /* set by check.c; NULL if it does not exist */
};

/* A top-level heading of a body, listed in the page's table of contents. */
struct section {
	char *id;   /* the anchor markdown.c put in the heading: "iana_3" */
	char *text; /* the heading's text */
};

struct subcode {
	char *code;           /* "403.14" */
	char *text[LANG__N];  /* its meaning per language */
	char *title[LANG__N]; /* the product's short name for it ("Directory listing
	                         denied"), or NULL */
};

struct constant {
	char *lang;     /* key: go, python, java, … (one of constant_key) */
	char *value;    /* http.StatusNotFound */
	struct pos pos; /* the value */
};

/* The facts of `semantics` (SPEC §2 and the export's `semantics`). */
enum sem_content { SEM_ALLOWED, SEM_FORBIDDEN, SEM_CONTENT__N };
enum sem_method { SEM_PRESERVED, SEM_POST_MAY_BECOME_GET, SEM_BECOMES_GET, SEM_METHOD__N };
enum sem_level { SEM_MUST, SEM_SHOULD, SEM_MAY, SEM_LEVEL__N };
enum sem_fact { SEM_CACHEABLE, SEM_CONTENT, SEM_REDIRECT, SEM_INTRODUCED, SEM_HEADERS, SEM__N };

/* A header field the specification attaches to a code. */
struct sem_header {
	char *name;           /* "WWW-Authenticate" */
	enum sem_level level; /* as the specification words it */
	char *when[LANG__N];  /* the condition it holds under, or NULL */
};

/* What HTTP says of a code, from `semantics` (semantics.c). */
struct semantics {
	int cacheable;            /* heuristically cacheable (RFC 9110, Section 15.1) */
	enum sem_content content; /* whether a response may carry content */
	int redirect;             /* a redirect that user agents follow; then: */
	int permanent;            /*   whether it is permanent */
	enum sem_method method;   /*   what becomes of the request method */
	int rfc;                  /* introduced by RFC rfc, or 0 */
	char *draft;              /* or by this Internet-Draft, else NULL */
	int year;                 /* the year the defining document appeared */
	struct sem_header *headers;
	size_t nheaders;
	char *source[SEM__N];        /* where each fact is written: "RFC 9110, Section
	                                15.1"; NULL only for `redirect` when there is none */
	char *disputed[LANG__N];     /* what is disputed about these facts, or NULL */
	struct pos pos;              /* the key */
	struct pos pos_fact[SEM__N]; /* the value of each fact */
};

struct iana_record;
struct cmark_node;

/* One meaning of a status code (one file of content/), or a class introduction. */
/* Where the lines of a text start, and the last position looked up in it,
 * so that positions asked in order cost time in proportion to the text. */
struct line_index {
	size_t *start;    /* byte offset of each line, or NULL until made */
	size_t n;         /* lines in start[] */
	int last_line;    /* the last line looked up (0: none) */
	size_t last_byte; /* its byte column, and the character column there */
	int last_col;
};

struct meaning {
	char *path;   /* the file as named on the command line: content/404.md */
	int is_class; /* a class introduction (content/classes/4xx.md): no code,
	                 registry or references; `klass` from the file name */
	int is_page;  /* a page of its own (content/pages/guide.md): title,
	                 summary, note and a body only */
	char *id;     /* from the file name: "404", "499-nginx", "4xx", "guide" */
	char *slug;   /* the vendor part of the file name ("nginx"), pointing into
	                 `id` (not owned), or NULL */
	int code;     /* from the file name; -1 for class introductions and pages */

	/* The front matter; each may be NULL (or 0 long) after an error in it. */
	enum klass klass;            /* from `class`, else from the code */
	enum registry_kind registry; /* from `registry` */
	enum status status;          /* from `status`; STATUS_CURRENT if none */
	char *vendor;                /* display name, for REG_VENDOR; else NULL */
	char *title[LANG__N];        /* required; NULL only after an error */
	char *summary[LANG__N];      /* required; NULL only after an error */
	char *note[LANG__N];         /* callout (and the reason for a status), or NULL */
	char *seen_in[LANG__N];      /* where a reader meets this meaning ("nginx's access
	                                log"), for a number with several; or NULL */
	int lead;                    /* `lead: true`: this vendor meaning leads its number */
	char **aliases[LANG__N];     /* former or common names, naliases[l] of them */
	size_t naliases[LANG__N];
	struct ref *refs; /* `references`, in file order */
	size_t nrefs;
	struct see_also *see; /* `see-also`, in file order */
	size_t nsee;
	struct subcode *subs; /* IIS-style sub-status codes, in file order */
	size_t nsubs;
	struct constant *consts; /* sorted by lang */
	size_t nconsts;
	struct semantics *sem;   /* `semantics`, or NULL */
	char *use_when[LANG__N]; /* `use-when`: when to send it, one line, or NULL */

	/* Positions of keys and values that later stages report on. */
	struct pos pos_start;    /* the opening `---` */
	struct pos pos_registry; /* the value of `registry` */
	struct pos pos_title_en; /* the value of `title.en` */
	struct pos pos_refs;     /* the `references` key, or pos_start */
	struct pos pos_status;   /* the `status` key, or pos_start */
	struct pos pos_lead;     /* the value of `lead`, or pos_start */
	struct pos pos_vendor;   /* the value of `vendor`, or pos_start */

	/* Body, split by markdown.c. */
	char *body;                        /* Markdown after the front matter, or NULL when the
	                                      file could not be split */
	int body_line;                     /* line of the file where `body` starts; -1 after an
	                                      I/O error while loading */
	struct line_index body_index;      /* where `body`'s lines start, made by
	                                      markdown.c at its first diagnostic */
	struct cmark_node *doc[LANG__N];   /* each language's document between md_check
	                                      and md_render (owned), else NULL */
	char *html[LANG__N];               /* rendered, links rewritten; NULL until rendered */
	struct section *sections[LANG__N]; /* the body's top-level headings */
	size_t nsections[LANG__N];

	/* Set by check.c. */
	const struct iana_record *iana; /* the registry record of `code`, or NULL */
	int ok;                         /* front matter parsed without error */
};

/* One cross-reference of an IANA record. */
struct iana_xref {
	char *type;    /* rfc, draft, uri, … */
	char *data;    /* rfc9110, draft-…, https://… */
	char *text;    /* "RFC9110, Section 15.5.5", or NULL */
	int rfc;       /* for type rfc: the number, else 0 */
	char *section; /* the section parsed out of text, or NULL */
};

/* One <record> of the IANA snapshot. */
struct iana_record {
	int lo, hi;           /* the value, or the range lo-hi */
	char *description;    /* as IANA writes it */
	char *phrase;         /* description without a trailing annotation; "" for "(Unused)" */
	char *annotation;     /* the trailing "(…)" annotation without parentheses, or NULL */
	char *date, *updated; /* attributes, or NULL */
	int assigned;         /* single value, not "Unassigned" */
	int unused;           /* "(Unused)" */
	struct iana_xref *xrefs;
	size_t nxrefs;
	int line; /* line of <record> in the snapshot */
};

struct registry {
	char *path;               /* the snapshot file */
	char *updated;            /* <updated> of the registry group */
	struct iana_record *recs; /* in file order */
	size_t nrecs;
};

/* Everything one run works on. */
struct corpus {
	char *dir;          /* the content folder */
	struct meaning **m; /* sorted by code, then IANA/plain id first, then id */
	size_t nm;
	size_t *first; /* index in m of the first meaning of each number */
	size_t nnum;   /* how many numbers: meanings m[first[i] .. corpus_number_end(i)) */
	struct meaning *classes[CLASS__N]; /* class introductions, NULL where none */
	struct meaning **pages;            /* content/pages/NAME.md, sorted by id */
	size_t npages;
	struct registry *reg; /* the IANA snapshot (owned), or NULL when it did not load */
	char *guide_path;     /* content/choose.yaml when there is one, else NULL */
	struct guide *guide;  /* the guide read from it (owned), or NULL */
};

/* One answer of the decision guide: it leads to another question or to a meaning. */
struct guide_answer {
	char *text[LANG__N];        /* the answer, per language */
	int next;                   /* the node it leads to, or -1 */
	const struct meaning *leaf; /* else the meaning it ends at (not owned) */
	char *why[LANG__N];         /* with a leaf: why that code */
	struct pos pos;             /* the answer in the file */
};

/* One question of the decision guide (guide.c). */
struct guide_node {
	char *id;                /* its name in the file: "access" */
	char *question[LANG__N]; /* per language */
	struct guide_answer *a;  /* its answers, in file order */
	size_t na;
	struct pos pos; /* its name in the file */
};

/* The decision guide: content/choose.yaml, checked. */
struct guide {
	struct guide_node *nodes; /* in file order */
	size_t n;
	int start; /* the first question */
};

#endif
