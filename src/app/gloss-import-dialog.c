/* gloss-import-dialog.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-file.h"
#include "gloss-application.h"
#include "gloss-format-chooser.h"
#include "gloss-import-dialog.h"
#include "gloss-import-job.h"
#include "gloss-tag.h"
#include "gloss-transfer-dialog-private.h"

struct _GlossImportDialog
{
  GlossTransferDialog parent_instance;

  char *annotator;
  GPtrArray *inputs;              /* GFile */

  /* Template children */
  GlossFormatChooser *format_chooser;
  GtkLabel *inputs_placeholder;
  GtkWidget *input_scroller;
  GtkListBox *input_list;
  GtkEntry *annotator_entry;
  GtkLabel *annotator_note;
  GtkCheckButton *overwrite_check;
};

G_DEFINE_FINAL_TYPE (GlossImportDialog, gloss_import_dialog, GLOSS_TYPE_TRANSFER_DIALOG)

enum {
  PROP_0,
  PROP_ANNOTATOR,
  N_PROPS
};

enum {
  ARTICLE_IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
dup_annotator (GlossImportDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->annotator_entry))));
}

/* TRUE when the annotator entry is empty (the input's own) or an id. */
static gboolean
annotator_is_valid (GlossImportDialog *self)
{
  g_autofree char *text = dup_annotator (self);
  g_autofree char *slug = gloss_slugify (text);

  return *text == '\0' || g_strcmp0 (slug, text) == 0;
}

static void
update_actions (GlossImportDialog *self)
{
  gboolean running = gloss_transfer_dialog_get_running (GLOSS_TRANSFER_DIALOG (self));
  gboolean ready = !running && self->inputs->len > 0 && annotator_is_valid (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.add-files", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.add-folder", !running);
}

static void
transfer_update_actions (GlossTransferDialog *dialog)
{
  update_actions (GLOSS_IMPORT_DIALOG (dialog));
}

static void
annotator_changed_cb (GlossImportDialog *self)
{
  g_autofree char *text = dup_annotator (self);
  g_autofree char *slug = gloss_slugify (text);
  g_autofree char *note = NULL;

  if (*text == '\0')
    note = g_strdup (_("Empty: the annotator the input names, else the format’s name."));
  else if (g_strcmp0 (slug, text) == 0)
    /* Translators: the end of a file name, such as “alice-moreau.gloss.json”;
     * the article's name comes before it */
    note = g_strdup_printf (_("The annotation files will be named “…%s%s”."),
                            text, GLOSS_ANNOTATION_FILE_SUFFIX);
  else
    /* Translators: an annotator id such as “alice-moreau” */
    note = g_strdup_printf (_("An id has lower-case letters, digits and “-” only, such as “%s”."),
                            slug != NULL ? slug : "alice");

  gtk_label_set_label (self->annotator_note, note);
  update_actions (self);
}

static void
fill_inputs (GlossImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->input_list))) != NULL)
    gtk_list_box_remove (self->input_list, child);

  for (guint i = 0; i < self->inputs->len; i++)
    {
      GFile *file = g_ptr_array_index (self->inputs, i);
      g_autofree char *display = g_file_get_parse_name (file);
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *remove = NULL;
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (display);
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_START);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_tooltip_text (label, display);
      /* Translators: a file or folder name */
      remove = g_strdup_printf (_("Remove “%s”"), display);
      gtk_widget_set_tooltip_text (button, remove);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "import.remove-input");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), button);
      gtk_list_box_append (self->input_list, box);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->inputs_placeholder), self->inputs->len == 0);
  gtk_widget_set_visible (self->input_scroller, self->inputs->len > 0);
  update_actions (self);
}

static void
add_input (GlossImportDialog *self,
           GFile             *file)
{
  for (guint i = 0; i < self->inputs->len; i++)
    if (g_file_equal (g_ptr_array_index (self->inputs, i), file))
      return;

  g_ptr_array_add (self->inputs, g_object_ref (file));
}

static void
add_input_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossImportDialog *self = GLOSS_IMPORT_DIALOG (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  add_input (self, file);
  fill_inputs (self);
}

static void
remove_input_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GlossImportDialog *self = GLOSS_IMPORT_DIALOG (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  for (guint i = 0; i < self->inputs->len; i++)
    if (g_file_equal (g_ptr_array_index (self->inputs, i), file))
      {
        g_ptr_array_remove_index (self->inputs, i);
        break;
      }

  fill_inputs (self);
}

static void
chooser_response (GtkNativeDialog   *chooser,
                  int                response,
                  GlossImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          add_input (self, file);
        }
      fill_inputs (self);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose (GlossImportDialog    *self,
        GtkFileChooserAction  action)
{
  GFile *article = gloss_transfer_dialog_get_article (GLOSS_TRANSFER_DIALOG (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) folder = NULL;

  if (action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER)
    chooser = gtk_file_chooser_native_new (_("Choose a Folder to Import"), GTK_WINDOW (self), action,
                                           _("_Select"), _("_Cancel"));
  else
    chooser = gtk_file_chooser_native_new (_("Choose Files to Import"), GTK_WINDOW (self), action,
                                           _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), action == GTK_FILE_CHOOSER_ACTION_OPEN);

  if (self->inputs->len > 0)
    folder = g_file_get_parent (g_ptr_array_index (self->inputs, self->inputs->len - 1));
  else if (article != NULL)
    folder = g_file_get_parent (article);
  if (folder != NULL && g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_files_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose (GLOSS_IMPORT_DIALOG (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
add_folder_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose (GLOSS_IMPORT_DIALOG (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
finished (GlossTransferDialog *dialog,
          GlossTransferJob    *transfer_job)
{
  GlossImportJob *job = GLOSS_IMPORT_JOB (transfer_job);

  /* Kept alive by the task until the signals are out, whatever their
   * handlers do. */
  for (guint i = 0; i < job->written->len; i++)
    g_signal_emit (dialog, signals[ARTICLE_IMPORTED], 0, g_ptr_array_index (job->written, i));
}

static void
start_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GlossImportDialog *self = GLOSS_IMPORT_DIALOG (widget);
  GFile *article = gloss_transfer_dialog_get_article (GLOSS_TRANSFER_DIALOG (self));
  gboolean running = gloss_transfer_dialog_get_running (GLOSS_TRANSFER_DIALOG (self));
  g_autoptr(GlossImportJob) job = NULL;
  g_autofree char *annotator = dup_annotator (self);
  g_autoptr(GFile) result_folder = NULL;
  GFile *first;

  if (running || self->inputs->len == 0 || !annotator_is_valid (self))
    return;

  job = gloss_import_job_new ();
  job->format = gloss_format_chooser_get_format (self->format_chooser);
  job->annotator = *annotator != '\0' ? g_steal_pointer (&annotator) : NULL;
  job->overwrite = gtk_check_button_get_active (self->overwrite_check);
  job->offset_unit = gloss_format_chooser_get_offset_unit (self->format_chooser);
  for (guint i = 0; i < self->inputs->len; i++)
    g_ptr_array_add (job->inputs, g_object_ref (g_ptr_array_index (self->inputs, i)));
  job->article = article != NULL ? g_object_ref (article) : NULL;

  /* The annotation files go beside the articles, which lie beside the
   * inputs (or in the folder given). */
  first = g_ptr_array_index (self->inputs, 0);
  result_folder = g_file_query_file_type (first, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY
                  ? g_object_ref (first) : g_file_get_parent (first);
  _gloss_transfer_dialog_run (GLOSS_TRANSFER_DIALOG (self), GLOSS_TRANSFER_JOB (job), result_folder);
}

static void
gloss_import_dialog_constructed (GObject *object)
{
  GlossImportDialog *self = (GlossImportDialog *)object;

  G_OBJECT_CLASS (gloss_import_dialog_parent_class)->constructed (object);

  gtk_editable_set_text (GTK_EDITABLE (self->annotator_entry), self->annotator ? self->annotator : "");
  annotator_changed_cb (self);
  fill_inputs (self);
}

static void
gloss_import_dialog_dispose (GObject *object)
{
  GlossImportDialog *self = (GlossImportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_IMPORT_DIALOG);

  g_clear_pointer (&self->annotator, g_free);
  g_clear_pointer (&self->inputs, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_import_dialog_parent_class)->dispose (object);
}

static void
gloss_import_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossImportDialog *self = GLOSS_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ANNOTATOR:
      g_value_set_string (value, self->annotator);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_import_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GlossImportDialog *self = GLOSS_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ANNOTATOR:
      self->annotator = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_import_dialog_class_init (GlossImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GlossTransferDialogClass *transfer_class = GLOSS_TRANSFER_DIALOG_CLASS (klass);

  object_class->constructed = gloss_import_dialog_constructed;
  object_class->dispose = gloss_import_dialog_dispose;
  object_class->get_property = gloss_import_dialog_get_property;
  object_class->set_property = gloss_import_dialog_set_property;
  transfer_class->update_actions = transfer_update_actions;
  transfer_class->finished = finished;

  /* The annotator id first proposed for the files written. */
  properties[PROP_ANNOTATOR] =
    g_param_spec_string ("annotator", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Once the import is over, for each annotation file of the dialog's
   * article that it wrote. */
  signals[ARTICLE_IMPORTED] = g_signal_new ("article-imported",
                                            G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_FILE);

  g_type_ensure (GLOSS_TYPE_FORMAT_CHOOSER);
  _gloss_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossannotator/Gloss/gloss-import-dialog.ui");
  /* The start button goes by its action; it is named for whoever looks
   * the dialog's widgets up, as the tests do. */
  gtk_widget_class_bind_template_child_full (widget_class, "import_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, format_chooser);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, inputs_placeholder);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, input_scroller);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, input_list);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, annotator_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, annotator_note);
  gtk_widget_class_bind_template_child (widget_class, GlossImportDialog, overwrite_check);
  gtk_widget_class_bind_template_callback (widget_class, annotator_changed_cb);

  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_activated);
  gtk_widget_class_install_action (widget_class, "import.add-files", NULL, add_files_activated);
  gtk_widget_class_install_action (widget_class, "import.add-folder", NULL, add_folder_activated);
  /* A file or folder as a URI, as the file chooser gives it. */
  gtk_widget_class_install_action (widget_class, "import.add-input", "s", add_input_activated);
  gtk_widget_class_install_action (widget_class, "import.remove-input", "s", remove_input_activated);
}

static void
gloss_import_dialog_init (GlossImportDialog *self)
{
  self->inputs = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gloss_import_dialog_new (GtkWindow  *parent,
                         GFile      *article,
                         const char *annotator_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (article == NULL || G_IS_FILE (article), NULL);

  return g_object_new (GLOSS_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "article", article,
                       "annotator", annotator_id,
                       NULL);
}
