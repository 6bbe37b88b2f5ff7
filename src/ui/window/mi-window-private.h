/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mi-git-controls.h"
#include "mi-issue-page.h"
#include "mi-window.h"

G_BEGIN_DECLS

typedef enum
{
  SORT_LAST_CHANGE,
  SORT_CREATED,
  SORT_TITLE,
} MiWindowSortOrder;

struct _MiWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  MiWorkspace          *workspace;
  gulong                items_changed_handler;
  gulong                file_changed_handler;
  gulong                claims_handler;
  gulong                written_handler;
  GCancellable         *cancellable;
  guint                 busy : 1;
  guint                 restoring : 1;
  guint                 editors_closed : 1;   /* the close request asked already */

  /* The sidebar: workspace → filter → sort → selection. */
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filter_model;
  GtkCustomSorter      *sorter;
  GtkSortListModel     *sort_model;
  GtkSingleSelection   *selection;
  char                 *search_text;     /* casefolded, NULL for none */
  GCancellable         *text_search;     /* the full-text search running */
  GHashTable           *text_hits;       /* MiIssue whose files match search_text */
  char                 *status_filter;   /* a status id, or "all" */
  MiWindowSortOrder     sort_order;      /* the setting's, kept for the sorter */
  AdwMessageDialog     *dialog;          /* the form shown, for tests */
  MiIssue              *shown_issue;     /* the selected issue, watched */
  gulong                issue_notify_handler;
  gulong                tests_changed_handler;
  GThread              *thread;          /* the one the window lives on */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *welcome_header;
  AdwWindowTitle       *window_title;
  AdwWindowTitle       *sidebar_title;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkToggleButton      *search_button;
  GtkLabel             *count_label;
  GtkStack             *sidebar_stack;
  GtkScrolledWindow    *sidebar_scroller;
  GtkListView          *list_view;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *content_stack;   /* "issue" or "none" */
  MiIssuePage          *issue_page;
  MiGitControls        *git_controls;
  GMenu                *recent_menu;
};

void  _mi_window_class_init_actions (GtkWidgetClass *widget_class);
void  _mi_window_update_actions     (MiWindow       *self);
void  _mi_window_show_error         (MiWindow       *self,
                                     const char     *title,
                                     GError         *error);
void  _mi_window_show_toast         (MiWindow       *self,
                                     const char     *message);

G_END_DECLS
