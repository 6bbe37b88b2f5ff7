/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-test-libgit2"

#include "config.h"

#include <git2.h>

#include "mi-test-libgit2.h"
#include "mi-test-util.h"

/*
 * For the tests that run libgit2 themselves (through MiRepository): nobody's
 * configuration, and the sanitizer's view of libgit2's own leaks. A test
 * program that calls mi_test_libgit2_init() links this file, and with it the
 * two functions the sanitizer runtime looks for.
 */

/* libgit2 1.5 (Debian 12) leaks the PCRE2 match data of every regular
 * expression search that finds nothing (git_regexp_search returns early),
 * which git_remote_lookup() does for each remote; fixed in later releases.
 * Not ours to free: the sanitizer build ignores exactly that allocation. */
const char *__lsan_default_suppressions (void);
const char *__asan_default_options (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:pcre2_match_data_create_8\n"
         "leak:pcre2_match_8\n";
}

/* Full stacks through libpcre2 (built without frame pointers), so that the
 * suppression above can see the function names. */
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

/* Nobody's configuration (mi_test_isolate_git() in @home) for the git
 * command and for libgit2, whose search paths point into @home too. Call it
 * first thing in main(), before libgit2 reads any configuration. */
void
mi_test_libgit2_init (const char *home)
{
  g_autofree char *xdg = g_build_filename (home, ".config", NULL);

  mi_test_isolate_git (home);
  git_libgit2_init ();
  git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM, home);
  git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL, home);
  git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_XDG, xdg);
}

void
mi_test_libgit2_shutdown (void)
{
  git_libgit2_shutdown ();
}
