/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mi-git-controls.h"
#include "mi-issue-page.h"
#include "mi-sidebar.h"
#include "mi-window.h"

G_BEGIN_DECLS

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
  guint                 editors_closed : 1;   /* the close request asked already */
  GFile                *folder_to_open;  /* once the open editors are closed */

  AdwMessageDialog     *dialog;          /* the form shown (an MiFormDialog), weak */
  MiIssue              *shown_issue;     /* the selected issue, watched */
  gulong                issue_notify_handler;
  gulong                tests_changed_handler;
  GThread              *thread;          /* the one the window lives on */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *welcome_header;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  MiSidebar            *sidebar;         /* the list: searched, filtered, sorted */
  GtkWidget            *content;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *content_stack;   /* "issue" or "none" */
  MiIssuePage          *issue_page;
  MiGitControls        *git_controls;
  GMenu                *recent_menu;
};

void  _mi_window_class_init_actions (GtkWidgetClass *widget_class);
void  _mi_window_update_actions     (MiWindow       *self);
void  _mi_window_set_busy           (MiWindow       *self,
                                     gboolean        busy);
void  _mi_window_set_workspace      (MiWindow       *self,
                                     MiWorkspace    *workspace);
void  _mi_window_remember_workspace (MiWindow       *self,
                                     GFile          *root);
void  _mi_window_update_page        (MiWindow       *self);
void  _mi_window_show_error         (MiWindow       *self,
                                     const char     *title,
                                     GError         *error);
void  _mi_window_show_toast         (MiWindow       *self,
                                     const char     *message);

G_END_DECLS
