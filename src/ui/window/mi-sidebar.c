/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-sidebar"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mi-application.h"
#include "mi-issue-row.h"
#include "mi-sidebar.h"
#include "mi-ui-util.h"

/* The window's sidebar: the meta-issues of the workspace, searched,
 * filtered by status and sorted, in a list whose selection is the
 * meta-issue the window shows.
 *
 * workspace → filter → sort → selection → list view
 *
 * A search matches titles and slugs at once; core reads the text of the
 * files on a worker (mi_workspace_search_async()), and the meta-issues
 * they match join the list when it answers. */

typedef enum
{
  SORT_LAST_CHANGE,
  SORT_CREATED,
  SORT_TITLE,
} SortOrder;

struct _MiSidebar
{
  GtkWidget           parent_instance;

  MiWorkspace        *workspace;
  gulong              items_changed_handler;
  GSettings          *settings;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkCustomSorter    *sorter;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  char               *search_text;     /* casefolded, NULL for none */
  GCancellable       *text_search;     /* the full-text search running */
  GHashTable         *text_hits;       /* MiIssue whose files match search_text */
  char               *status_filter;   /* a status id, or "all" */
  SortOrder           sort_order;
  GHashTable         *title_keys;      /* MiIssue (not referenced) → TitleKey */

  /* Template widgets */
  AdwHeaderBar       *header_bar;
  AdwSplitButton     *open_button;
  AdwWindowTitle     *title;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (MiSidebar, mi_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_ISSUE,
  PROP_STATUS_FILTER,
  PROP_SORT_ORDER,
  PROP_RECENT_MENU,
  PROP_SHOW_END_TITLE_BUTTONS,
  N_PROPS
};

enum {
  ISSUE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const sort_order_names[] = {
  [SORT_LAST_CHANGE] = "last-change",
  [SORT_CREATED]     = "created",
  [SORT_TITLE]       = "title",
};

/* The collation key of a title, and the title it was made from. */
typedef struct
{
  char *title;
  char *key;    /* g_utf8_collate_key() of title */
} TitleKey;

static void
title_key_free (TitleKey *key)
{
  g_free (key->title);
  g_free (key->key);
  g_free (key);
}

/* One full-text search: the sidebar, held weakly (a window closed
 * meanwhile is not kept alive by a search, nor finalized on its thread),
 * and the cancellable that tells whether it is still the current one. */
typedef struct
{
  GWeakRef      sidebar;
  GCancellable *cancellable;
} TextSearch;

static void
text_search_free (TextSearch *search)
{
  g_weak_ref_clear (&search->sidebar);
  g_clear_object (&search->cancellable);
  g_free (search);
}

static void
update_title (MiSidebar *self)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *location = NULL;
  g_autoptr(GFile) parent = NULL;
  GFile *root;

  if (self->workspace == NULL)
    {
      adw_window_title_set_title (self->title, _("Meta-Issues"));
      adw_window_title_set_subtitle (self->title, NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), NULL);
      return;
    }

  /* As GNOME Text Editor does: the folder's name, and where it is; the
   * full path in the tooltip. */
  root = mi_workspace_get_root (self->workspace);
  name = g_file_get_basename (root);
  path = mi_ui_dup_display_path (root);
  parent = g_file_get_parent (root);
  location = parent != NULL ? mi_ui_dup_display_path (parent) : NULL;

  adw_window_title_set_title (self->title, name);
  adw_window_title_set_subtitle (self->title, location);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), path);
}

static void
update_count (MiSidebar *self)
{
  g_autofree char *text = NULL;
  guint total = self->workspace != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->workspace)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Meta-Issue", "%u Meta-Issues", total), total);
  else
    /* Translators: "3 of 12" meta-issues match the search or filter. */
    text = g_strdup_printf (_("%u of %u"), shown, total);

  gtk_label_set_label (self->count_label, text);
  /* "No Results" only once the search through the files has answered. */
  gtk_stack_set_visible_child_name (self->stack,
                                    shown > 0 || total == 0 || self->text_search != NULL ? "list" : "no-match");
}

/* Searching */

static void
text_search_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  TextSearch *search = user_data;
  g_autoptr(MiSidebar) self = g_weak_ref_get (&search->sidebar);
  g_autoptr(GHashTable) hits = NULL;
  g_autoptr(GError) error = NULL;
  gboolean current = self != NULL && search->cancellable == self->text_search;
  gboolean had_hits;

  hits = mi_workspace_search_finish (MI_WORKSPACE (object), result, &error);
  text_search_free (search);

  /* A newer search (or none) took over. */
  if (!current)
    return;

  if (hits == NULL)
    {
      g_debug ("The search through the files failed: %s", error->message);
      hits = g_hash_table_new (NULL, NULL);
    }

  had_hits = self->text_hits != NULL;
  g_clear_object (&self->text_search);
  g_clear_pointer (&self->text_hits, g_hash_table_unref);
  self->text_hits = g_steal_pointer (&hits);
  /* A refresh may also take hits away: the files changed. */
  gtk_filter_changed (GTK_FILTER (self->filter),
                      had_hits ? GTK_FILTER_CHANGE_DIFFERENT : GTK_FILTER_CHANGE_LESS_STRICT);
  update_count (self);
}

/* @refresh: the same words again, the files changed: the hits found
 * stay until the new ones come. */
static void
start_text_search (MiSidebar *self,
                   gboolean   refresh)
{
  TextSearch *search;

  g_cancellable_cancel (self->text_search);
  g_clear_object (&self->text_search);
  if (!refresh)
    g_clear_pointer (&self->text_hits, g_hash_table_unref);

  if (self->search_text == NULL || self->workspace == NULL)
    return;

  self->text_search = g_cancellable_new ();
  search = g_new0 (TextSearch, 1);
  g_weak_ref_init (&search->sidebar, self);
  search->cancellable = g_object_ref (self->text_search);
  mi_workspace_search_async (self->workspace, self->search_text, self->text_search,
                             text_search_done_cb, search);
}

/* Filtering and sorting */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  MiSidebar *self = user_data;
  MiIssue *issue = item;

  if (!g_str_equal (self->status_filter, "all") &&
      !g_str_equal (self->status_filter, mi_status_to_id (mi_issue_get_status (issue))))
    return FALSE;

  if (self->search_text == NULL)
    return TRUE;

  if (mi_issue_matches_title (issue, self->search_text))
    return TRUE;

  return self->text_hits != NULL && g_hash_table_contains (self->text_hits, issue);
}

/* The collation key of the issue's title (its slug without one), kept
 * until the title changes: sorting 1,000 titles compares them some 10,000
 * times, and g_utf8_collate() would make two keys each time. */
static const char *
get_title_key (MiSidebar *self,
               MiIssue   *issue)
{
  const char *title = mi_issue_get_title (issue) != NULL ? mi_issue_get_title (issue) : mi_issue_get_slug (issue);
  TitleKey *key = g_hash_table_lookup (self->title_keys, issue);

  if (key == NULL || g_strcmp0 (key->title, title) != 0)
    {
      key = g_new0 (TitleKey, 1);
      key->title = g_strdup (title);
      key->key = g_utf8_collate_key (title != NULL ? title : "", -1);
      g_hash_table_replace (self->title_keys, issue, key);
    }
  return key->key;
}

/* The keys of meta-issues that left the workspace go. The table does not
 * hold them, and is asked only about the ones listed: an address used
 * again by another meta-issue finds the title its key was made from. */
static void
trim_title_keys (MiSidebar *self)
{
  g_autoptr(GHashTable) listed = NULL;
  GHashTableIter iter;
  gpointer issue;
  guint n;

  n = self->workspace != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->workspace)) : 0;
  if (g_hash_table_size (self->title_keys) <= n)
    return;

  listed = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiIssue) item = g_list_model_get_item (G_LIST_MODEL (self->workspace), i);

      g_hash_table_add (listed, item);
    }

  g_hash_table_iter_init (&iter, self->title_keys);
  while (g_hash_table_iter_next (&iter, &issue, NULL))
    if (!g_hash_table_contains (listed, issue))
      g_hash_table_iter_remove (&iter);
}

static int
compare_titles (MiSidebar *self,
                MiIssue   *a,
                MiIssue   *b)
{
  int cmp = strcmp (get_title_key (self, a), get_title_key (self, b));

  if (cmp != 0)
    return cmp;

  return g_strcmp0 (mi_issue_get_slug (a), mi_issue_get_slug (b));
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  MiSidebar *self = user_data;
  MiIssue *ia = MI_ISSUE ((gpointer) a);
  MiIssue *ib = MI_ISSUE ((gpointer) b);

  if (self->sort_order == SORT_LAST_CHANGE)
    {
      gint64 ma = mi_issue_get_mtime (ia);
      gint64 mb = mi_issue_get_mtime (ib);

      if (ma != mb)
        return ma > mb ? -1 : 1;
    }
  else if (self->sort_order == SORT_CREATED)
    {
      int cmp = g_strcmp0 (mi_issue_get_created (ib), mi_issue_get_created (ia));

      if (cmp != 0)
        return cmp;
    }

  return compare_titles (self, ia, ib);
}

static void
set_sort_order (MiSidebar  *self,
                const char *name)
{
  SortOrder order = SORT_TITLE;

  for (guint i = 0; i < G_N_ELEMENTS (sort_order_names); i++)
    if (g_strcmp0 (name, sort_order_names[i]) == 0)
      order = i;

  if (self->sort_order == order)
    return;

  self->sort_order = order;
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_ORDER]);
}

/* Callbacks */

static void
on_workspace_items_changed_cb (MiSidebar  *self,
                               guint       position,
                               guint       removed,
                               guint       added,
                               GListModel *model)
{
  update_count (self);
  if (removed > 0)
    trim_title_keys (self);
  /* Meta-issues parsed again: the words searched for may have come or gone. */
  if (self->search_text != NULL && !(removed == 0 && added == 0))
    start_text_search (self, TRUE);
}

static void
on_filter_items_changed_cb (MiSidebar  *self,
                            guint       position,
                            guint       removed,
                            guint       added,
                            GListModel *model)
{
  update_count (self);
}

static void
on_selected_item_cb (MiSidebar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUE]);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     MiSidebar                *self)
{
  gtk_list_item_set_child (item, mi_issue_row_new ());
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    MiSidebar                *self)
{
  MiIssueRow *row = MI_ISSUE_ROW (gtk_list_item_get_child (item));

  mi_issue_row_set_issue (row, gtk_list_item_get_item (item));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      MiSidebar                *self)
{
  MiIssueRow *row = MI_ISSUE_ROW (gtk_list_item_get_child (item));

  mi_issue_row_set_issue (row, NULL);
}

static void
on_list_activate_cb (MiSidebar   *self,
                     guint        position,
                     GtkListView *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[ISSUE_ACTIVATED], 0, mi_sidebar_get_issue (self));
}

static void
on_search_changed_cb (MiSidebar      *self,
                      GtkSearchEntry *entry)
{
  g_autofree char *folded = mi_search_fold_text (gtk_editable_get_text (GTK_EDITABLE (entry)));

  /* The same words again (the entry's own delayed signal after the text
   * was set): the search running, or its hits, stay. */
  if (g_strcmp0 (folded, self->search_text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_steal_pointer (&folded);

  start_text_search (self, FALSE);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
on_stop_search_cb (MiSidebar      *self,
                   GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* GObject */

static void
mi_sidebar_dispose (GObject *object)
{
  MiSidebar *self = MI_SIDEBAR (object);
  GtkWidget *child;

  g_cancellable_cancel (self->text_search);
  g_clear_object (&self->text_search);
  g_clear_pointer (&self->text_hits, g_hash_table_unref);
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->items_changed_handler, self->workspace);
  g_settings_unbind (self, "sort-order");

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), MI_TYPE_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mi_sidebar_parent_class)->dispose (object);
}

static void
mi_sidebar_finalize (GObject *object)
{
  MiSidebar *self = MI_SIDEBAR (object);

  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->status_filter, g_free);
  g_clear_pointer (&self->title_keys, g_hash_table_unref);

  G_OBJECT_CLASS (mi_sidebar_parent_class)->finalize (object);
}

static void
mi_sidebar_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MiSidebar *self = MI_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_ISSUE:
      g_value_set_object (value, mi_sidebar_get_issue (self));
      break;

    case PROP_STATUS_FILTER:
      g_value_set_string (value, self->status_filter);
      break;

    case PROP_SORT_ORDER:
      g_value_set_string (value, sort_order_names[self->sort_order]);
      break;

    case PROP_RECENT_MENU:
      g_value_set_object (value, adw_split_button_get_menu_model (self->open_button));
      break;

    case PROP_SHOW_END_TITLE_BUTTONS:
      g_value_set_boolean (value, adw_header_bar_get_show_end_title_buttons (self->header_bar));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_sidebar_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MiSidebar *self = MI_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      mi_sidebar_set_workspace (self, g_value_get_object (value));
      break;

    case PROP_STATUS_FILTER:
      mi_sidebar_set_status_filter (self, g_value_get_string (value));
      break;

    case PROP_SORT_ORDER:
      set_sort_order (self, g_value_get_string (value));
      break;

    case PROP_RECENT_MENU:
      if (adw_split_button_get_menu_model (self->open_button) != g_value_get_object (value))
        {
          adw_split_button_set_menu_model (self->open_button, g_value_get_object (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SHOW_END_TITLE_BUTTONS:
      if (adw_header_bar_get_show_end_title_buttons (self->header_bar) != g_value_get_boolean (value))
        {
          adw_header_bar_set_show_end_title_buttons (self->header_bar, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mi_sidebar_class_init (MiSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mi_sidebar_dispose;
  object_class->finalize = mi_sidebar_finalize;
  object_class->get_property = mi_sidebar_get_property;
  object_class->set_property = mi_sidebar_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         MI_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The meta-issue selected. */
  properties[PROP_ISSUE] =
    g_param_spec_object ("issue", NULL, NULL,
                         MI_TYPE_ISSUE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The status shown: a status id, or "all". */
  properties[PROP_STATUS_FILTER] =
    g_param_spec_string ("status-filter", NULL, NULL,
                         "all",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* "last-change", "created" or "title": the setting's. */
  properties[PROP_SORT_ORDER] =
    g_param_spec_string ("sort-order", NULL, NULL,
                         sort_order_names[SORT_LAST_CHANGE],
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The menu of the Open button: the recent workspaces. */
  properties[PROP_RECENT_MENU] =
    g_param_spec_object ("recent-menu", NULL, NULL,
                         G_TYPE_MENU_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Folded, the sidebar's header bar is the window's: it gets the buttons. */
  properties[PROP_SHOW_END_TITLE_BUTTONS] =
    g_param_spec_boolean ("show-end-title-buttons", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MiSidebar::issue-activated:
   * @issue: the meta-issue, now selected
   *
   * A row was activated: the window shows its meta-issue.
   */
  signals[ISSUE_ACTIVATED] =
    g_signal_new ("issue-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MI_TYPE_ISSUE);

  g_type_ensure (MI_TYPE_ISSUE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, MiSidebar, header_bar);
  gtk_widget_class_bind_template_child (widget_class, MiSidebar, open_button);
  gtk_widget_class_bind_template_child (widget_class, MiSidebar, title);
  gtk_widget_class_bind_template_child (widget_class, MiSidebar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MiSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MiSidebar, count_label);
  gtk_widget_class_bind_template_child (widget_class, MiSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, MiSidebar, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);

  gtk_widget_class_install_property_action (widget_class, "sidebar.sort-order", "sort-order");
  gtk_widget_class_install_property_action (widget_class, "sidebar.status-filter", "status-filter");

  gtk_widget_class_set_css_name (widget_class, "mi-sidebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mi_sidebar_init (MiSidebar *self)
{
  self->status_filter = g_strdup ("all");
  self->sort_order = SORT_LAST_CHANGE;
  self->title_keys = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) title_key_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  gtk_filter_list_model_set_incremental (self->filter_model, FALSE);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model), GTK_SORTER (self->sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sort_model));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (on_filter_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* The sort order is the setting's: the menu changes both. */
  self->settings = g_settings_new (MI_SETTINGS_SCHEMA_ID);
  g_settings_bind (self->settings, "sort-order", self, "sort-order", G_SETTINGS_BIND_DEFAULT);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  update_title (self);
  update_count (self);
}

/**
 * mi_sidebar_get_workspace:
 *
 * Returns: (transfer none) (nullable): the workspace listed
 */
MiWorkspace *
mi_sidebar_get_workspace (MiSidebar *self)
{
  g_return_val_if_fail (MI_IS_SIDEBAR (self), NULL);

  return self->workspace;
}

/**
 * mi_sidebar_set_workspace:
 *
 * Lists the meta-issues of @workspace, the first one selected, with the
 * search, status filter and sort order shown.
 */
void
mi_sidebar_set_workspace (MiSidebar   *self,
                          MiWorkspace *workspace)
{
  g_return_if_fail (MI_IS_SIDEBAR (self));
  g_return_if_fail (workspace == NULL || MI_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_clear_signal_handler (&self->items_changed_handler, self->workspace);

  g_set_object (&self->workspace, workspace);
  g_hash_table_remove_all (self->title_keys);
  /* New objects: a search running, or its hits, were of the old ones. */
  start_text_search (self, FALSE);

  if (self->workspace != NULL)
    self->items_changed_handler =
      g_signal_connect_object (self->workspace, "items-changed",
                               G_CALLBACK (on_workspace_items_changed_cb), self,
                               G_CONNECT_SWAPPED);

  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->workspace));

  /* Start at the top of the list, like a freshly opened folder. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);

  update_title (self);
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/**
 * mi_sidebar_get_selection:
 *
 * Returns: (transfer none): the meta-issues shown, filtered and sorted
 */
GtkSingleSelection *
mi_sidebar_get_selection (MiSidebar *self)
{
  g_return_val_if_fail (MI_IS_SIDEBAR (self), NULL);

  return self->selection;
}

/**
 * mi_sidebar_get_issue:
 *
 * Returns: (transfer none) (nullable): the meta-issue selected
 */
MiIssue *
mi_sidebar_get_issue (MiSidebar *self)
{
  g_return_val_if_fail (MI_IS_SIDEBAR (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * mi_sidebar_select_issue:
 *
 * Selects the meta-issue @slug, when it is listed.
 *
 * Returns: %TRUE when it is
 */
gboolean
mi_sidebar_select_issue (MiSidebar  *self,
                         const char *slug)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (MI_IS_SIDEBAR (self), FALSE);

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MiIssue) issue = g_list_model_get_item (model, i);

      if (g_strcmp0 (mi_issue_get_slug (issue), slug) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

const char *
mi_sidebar_get_status_filter (MiSidebar *self)
{
  g_return_val_if_fail (MI_IS_SIDEBAR (self), NULL);

  return self->status_filter;
}

/**
 * mi_sidebar_set_status_filter:
 * @status_filter: (nullable): a status id (mi_status_to_id()), or "all"
 *
 * Lists only the meta-issues of that status; %NULL is "all".
 */
void
mi_sidebar_set_status_filter (MiSidebar  *self,
                              const char *status_filter)
{
  g_return_if_fail (MI_IS_SIDEBAR (self));

  if (status_filter == NULL)
    status_filter = "all";
  if (g_strcmp0 (self->status_filter, status_filter) == 0)
    return;

  g_free (self->status_filter);
  self->status_filter = g_strdup (status_filter);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_FILTER]);
}

/**
 * mi_sidebar_focus_search:
 *
 * Shows the search bar and puts the keyboard focus in it.
 */
void
mi_sidebar_focus_search (MiSidebar *self)
{
  g_return_if_fail (MI_IS_SIDEBAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * mi_sidebar_set_search_text:
 * @text: (nullable): words to search for; %NULL or blank for none
 *
 * Searches as if @text had been typed, now rather than after the
 * entry's delay.
 */
void
mi_sidebar_set_search_text (MiSidebar  *self,
                            const char *text)
{
  g_return_if_fail (MI_IS_SIDEBAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, text != NULL && text[0] != '\0');
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  on_search_changed_cb (self, self->search_entry);
}

/**
 * mi_sidebar_get_searching:
 *
 * Returns: whether the search through the text of the files is still
 *   running (the list shows the matches of titles and slugs meanwhile)
 */
gboolean
mi_sidebar_get_searching (MiSidebar *self)
{
  g_return_val_if_fail (MI_IS_SIDEBAR (self), FALSE);

  return self->text_search != NULL;
}
