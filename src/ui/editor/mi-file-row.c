/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "mi-file-row"

#include "config.h"

#include "mi-file-row.h"

/* One file in the list of the Files view: its name, its path as the
 * tooltip, and the section it is listed under (the meta-issue, or one of
 * its attempts), which the list's headers show. A file the templates did
 * not create yet cannot be opened: the row is insensitive. */
struct _MiFileRow
{
  GtkListBoxRow  parent_instance;

  GFile         *file;
  char          *section;

  /* Template widgets */
  GtkLabel      *name_label;
};

G_DEFINE_FINAL_TYPE (MiFileRow, mi_file_row, GTK_TYPE_LIST_BOX_ROW)

static void
mi_file_row_finalize (GObject *object)
{
  MiFileRow *self = MI_FILE_ROW (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->section, g_free);

  G_OBJECT_CLASS (mi_file_row_parent_class)->finalize (object);
}

static void
mi_file_row_class_init (MiFileRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mi_file_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mi-file-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MiFileRow, name_label);
}

static void
mi_file_row_init (MiFileRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mi_file_row_new:
 * @file: the file
 * @name: what the row says, like "README.md"
 * @section: the heading it is listed under
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
mi_file_row_new (GFile      *file,
                 const char *name,
                 const char *section)
{
  MiFileRow *self;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (MI_TYPE_FILE_ROW, NULL);
  self->file = g_object_ref (file);
  self->section = g_strdup (section);

  path = g_file_get_parse_name (file);
  gtk_label_set_label (self->name_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), path);
  gtk_widget_set_sensitive (GTK_WIDGET (self), g_file_query_exists (file, NULL));

  return GTK_WIDGET (self);
}

GFile *
mi_file_row_get_file (MiFileRow *self)
{
  g_return_val_if_fail (MI_IS_FILE_ROW (self), NULL);

  return self->file;
}

const char *
mi_file_row_get_section (MiFileRow *self)
{
  g_return_val_if_fail (MI_IS_FILE_ROW (self), NULL);

  return self->section;
}
