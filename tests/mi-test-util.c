/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mi-test-util"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "mi-test-util.h"

/*
 * What the tests of every suite need around the code they test, with GIO
 * only: the source tree's files, temporary folders, copies of fixtures,
 * files read and written whole, and commands run (git above all). Each
 * helper fails the test when it cannot do its part.
 */

static void
append_args (GPtrArray  *parts,
             const char *first,
             va_list     args)
{
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
}

/* @root (when not NULL), then @first and the rest, as one path. */
static char *
build_path_va (const char *root,
               const char *first,
               va_list     args)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (root != NULL)
    g_ptr_array_add (parts, (gpointer) root);
  append_args (parts, first, args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static const char *
get_source_root (void)
{
  const char *root = g_getenv ("MI_SOURCE_ROOT");

  if (root == NULL)
    g_error ("MI_SOURCE_ROOT is not set: run the tests with meson test");

  return root;
}

/* ---------------------------------------------------------------------- */
/* Paths and temporary folders                                             */

/* A path inside the source tree: $MI_SOURCE_ROOT/first/… */
char *
mi_test_source_path (const char *first,
                     ...)
{
  va_list args;
  char *path;

  va_start (args, first);
  path = build_path_va (get_source_root (), first, args);
  va_end (args);

  return path;
}

/* The folder of a workspace to test on: "example" is the example the app
 * installs, any other name a folder of tests/fixtures. */
char *
mi_test_fixture_path (const char *name)
{
  if (g_str_equal (name, "example"))
    return mi_test_source_path ("resources", "example", NULL);

  return mi_test_source_path ("tests", "fixtures", name, NULL);
}

/* A new folder "@name-XXXXXX" in @parent, or in the system's temporary
 * folder when @parent is NULL. */
char *
mi_test_make_tmp (const char *parent,
                  const char *name)
{
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", name);
  g_autoptr(GError) error = NULL;
  char *path;

  if (parent == NULL)
    {
      path = g_dir_make_tmp (template, &error);
      g_assert_no_error (error);
      return path;
    }

  path = g_build_filename (parent, template, NULL);
  if (g_mkdtemp (path) == NULL)
    g_error ("Cannot make a folder in %s: %s", parent, g_strerror (errno));

  return path;
}

/* A temporary folder for the whole test program ("@name-XXXXXX"), the
 * user's data folder (XDG_DATA_HOME) in it: drafts and the installed example
 * go there. Call it before anything asks GLib for the user's folders. */
char *
mi_test_make_data_home (const char *name)
{
  char *tmp = mi_test_make_tmp (NULL, name);
  g_autofree char *data_home = g_build_filename (tmp, "data", NULL);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  return tmp;
}

/* Makes the folder @first/…, with its parents. */
void
mi_test_make_dir (const char *first,
                  ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, first);
  path = build_path_va (NULL, first, args);
  va_end (args);

  g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
}

/* ---------------------------------------------------------------------- */
/* Trees                                                                   */

/* Copies what @source holds into @dest (made when missing), byte for byte. */
void
mi_test_copy_dir (const char *source,
                  const char *dest)
{
  g_autoptr(GDir) dir = g_dir_open (source, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (dest, 0755), ==, 0);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (source, name, NULL);
      g_autofree char *to = g_build_filename (dest, name, NULL);

      if (g_file_test (from, G_FILE_TEST_IS_DIR))
        mi_test_copy_dir (from, to);
      else
        {
          g_autofree char *data = NULL;
          gsize len;

          g_assert_true (g_file_get_contents (from, &data, &len, NULL));
          g_assert_true (g_file_set_contents (to, data, len, NULL));
        }
    }
}

/* Copies @source into a new temporary folder; returns the folder. */
char *
mi_test_copy_tree (const char *source)
{
  char *tmp = mi_test_make_tmp (NULL, "mi-test");

  mi_test_copy_dir (source, tmp);
  return tmp;
}

/* Removes @path and all it holds; symbolic links, not what they point to. */
void
mi_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        mi_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
read_tree_into (GHashTable *table,
                const char *root,
                const char *relative)
{
  g_autofree char *path = relative ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *rel = relative ? g_build_filename (relative, name, NULL) : g_strdup (name);
      g_autofree char *child = g_build_filename (root, rel, NULL);

      if (g_str_equal (name, ".git"))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          char *key = g_strconcat (rel, G_DIR_SEPARATOR_S, NULL);

          g_hash_table_insert (table, key, g_bytes_new (NULL, 0));
          read_tree_into (table, root, rel);
        }
      else
        {
          char *data = NULL;
          gsize len;

          g_assert_true (g_file_get_contents (child, &data, &len, NULL));
          g_hash_table_insert (table, g_steal_pointer (&rel), g_bytes_new_take (data, len));
        }
    }
}

/* Every file and folder under @root (but .git): relative path → GBytes,
 * a folder's path ending in "/", with no bytes. */
GHashTable *
mi_test_read_tree (const char *root)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);

  read_tree_into (table, root, NULL);
  return table;
}

/* Two mi_test_read_tree() of a folder hold the same files and folders,
 * byte for byte: the test fails naming the first one that differs. */
void
mi_test_assert_same_tree (GHashTable *before,
                          GHashTable *after)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GBytes *now = g_hash_table_lookup (after, key);

      if (now == NULL)
        g_error ("%s disappeared", (const char *) key);
      if (!g_bytes_equal (now, value))
        g_error ("%s changed", (const char *) key);
    }

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (before, key))
      g_error ("%s appeared", (const char *) key);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces. */
char *
mi_test_list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* ---------------------------------------------------------------------- */
/* Files                                                                   */

/* The bytes of @path (NUL-terminated), or NULL when it cannot be read. */
char *
mi_test_read_file (const char *path,
                   gsize      *len)
{
  char *data = NULL;

  if (!g_file_get_contents (path, &data, len, NULL))
    return NULL;
  return data;
}

/* The text of @root/@relative, or of @root when @relative is NULL; the
 * test fails when it cannot be read. */
char *
mi_test_read_text (const char *root,
                   const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

/* The text of the source tree's file $MI_SOURCE_ROOT/first/… */
char *
mi_test_read_source (const char *first,
                     ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, first);
  path = build_path_va (get_source_root (), first, args);
  va_end (args);

  return mi_test_read_text (path, NULL);
}

/* Writes @data to @path, making its folder if needed. */
void
mi_test_write_file (const char *path,
                    const char *data,
                    gssize      len)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

/* Writes @text to @root/@relative, making its folders if needed. */
void
mi_test_write_text (const char *root,
                    const char *relative,
                    const char *text)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);

  mi_test_write_file (path, text, -1);
}

/* ---------------------------------------------------------------------- */
/* Commands                                                                */

/*
 * Runs @argv (searched in PATH) in @cwd with @envp (NULL: this process's)
 * and returns its exit status. Its output goes to @out and @err when not
 * NULL, and nowhere else (never into the test's own output). The test fails
 * when it cannot start or does not exit by itself.
 */
int
mi_test_spawnv (const char         *cwd,
                const char * const *argv,
                const char * const *envp,
                char              **out,
                char              **err)
{
  g_autofree char *out_text = NULL;
  g_autofree char *err_text = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_spawn_sync (cwd, (char **) argv, (char **) envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out_text, &err_text, &wait_status, &error);
  g_assert_no_error (error);

  if (!WIFEXITED (wait_status))
    g_error ("%s did not exit by itself (wait status %d); stderr:\n%s",
             argv[0], wait_status, err_text);

  if (out != NULL)
    *out = g_steal_pointer (&out_text);
  if (err != NULL)
    *err = g_steal_pointer (&err_text);

  return WEXITSTATUS (wait_status);
}

/* Runs @argv (NULL-terminated) as mi_test_spawn() does. */
static char *
spawn_argv (const char *cwd,
            int        *exit_status,
            GPtrArray  *argv)
{
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  status = mi_test_spawnv (cwd, (const char * const *) argv->pdata, NULL, &out, &err);
  if (err[0] != '\0')
    g_test_message ("%s: %s", (const char *) argv->pdata[0], err);

  if (exit_status != NULL)
    *exit_status = status;
  else if (status != 0)
    {
      g_autofree char *line = g_strjoinv (" ", (char **) argv->pdata);

      g_error ("`%s` exited with %d: %s", line, status, err);
    }

  return out;
}

/*
 * Runs @first and the rest in @cwd; returns its standard output. Its exit
 * status goes to @exit_status; when that is NULL, the test fails unless the
 * command succeeds.
 */
char *
mi_test_spawn (const char *cwd,
               int        *exit_status,
               const char *first,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  append_args (argv, first, args);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return spawn_argv (cwd, exit_status, argv);
}

static char *
git_va (const char *dir,
        int        *exit_status,
        const char *first,
        va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "git");
  append_args (argv, first, args);
  g_ptr_array_add (argv, NULL);

  return spawn_argv (dir, exit_status, argv);
}

/*
 * Runs `git` with @first and the rest in @dir; the test fails unless it
 * succeeds. Returns its standard output without the last newline, kept
 * until the end of the test.
 */
const char *
mi_test_git (const char *dir,
             const char *first,
             ...)
{
  va_list args;
  char *out;

  va_start (args, first);
  out = git_va (dir, NULL, first, args);
  va_end (args);

  g_strchomp (out);
  g_test_queue_free (out);
  return out;
}

/* Runs `git` with @first and the rest in @dir; returns whether it succeeded. */
gboolean
mi_test_git_ok (const char *dir,
                const char *first,
                ...)
{
  g_autofree char *out = NULL;
  va_list args;
  int status;

  va_start (args, first);
  out = git_va (dir, &status, first, args);
  va_end (args);

  return status == 0;
}

/*
 * Nobody's git configuration, for git and libgit2 alike: HOME is @home (made
 * if missing), XDG_CONFIG_HOME a folder in it, no system configuration, no
 * prompt for credentials, no identity from the environment. Call it before
 * either reads any configuration.
 */
void
mi_test_isolate_git (const char *home)
{
  g_autofree char *xdg = g_build_filename (home, ".config", NULL);

  g_assert_cmpint (g_mkdir_with_parents (home, 0700), ==, 0);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", xdg, TRUE);
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);
  g_setenv ("GIT_TERMINAL_PROMPT", "0", TRUE);
  g_unsetenv ("GIT_AUTHOR_NAME");
  g_unsetenv ("GIT_AUTHOR_EMAIL");
  g_unsetenv ("GIT_COMMITTER_NAME");
  g_unsetenv ("GIT_COMMITTER_EMAIL");
  g_unsetenv ("EMAIL");
}

/* ---------------------------------------------------------------------- */
/* Signals                                                                 */

/* A "notify" handler that counts into the guint at @count. */
void
mi_test_count_notify_cb (GObject    *object,
                         GParamSpec *pspec,
                         guint      *count)
{
  (*count)++;
}

/* ---------------------------------------------------------------------- */
/* Figures (benchmarks)                                                    */

/* Orders doubles, for qsort() and g_array_sort(). */
int
mi_test_compare_doubles (gconstpointer a,
                         gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of @values (doubles), which it sorts. */
double
mi_test_median (GArray *values)
{
  g_assert_cmpuint (values->len, >, 0);
  g_array_sort (values, mi_test_compare_doubles);

  return g_array_index (values, double, values->len / 2);
}

/* An async call's callback that keeps its result in the GAsyncResult *
 * @user_data points to (a reference): wait with mi_test_wait_result(). */
void
mi_test_store_result_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the main context until *@result is set by mi_test_store_result_cb(). */
GAsyncResult *
mi_test_wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}
