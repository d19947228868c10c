/* gloss-transfer-dialog.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-transfer-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-transfer-dialog-private.h"

/* How often the progress bar reads how far the thread has got. */
#define PROGRESS_INTERVAL 100

typedef struct
{
  GFile *article;
  GTask *task;                    /* the job under way */
  GCancellable *cancellable;
  guint progress_source;
  GFile *result_folder;           /* what Open Folder opens */
  gboolean close_when_done;
  gboolean disposed;

  GtkWidget *start_button;        /* the subclass's, in the header bar */

  /* Template children */
  GtkHeaderBar *header_bar;
  GtkButton *close_button;
  GtkStack *stack;
  GtkWidget *progress_page;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  GtkButton *stop_button;
  GtkWidget *report_page;
  GtkLabel *report_title;
  GtkLabel *report_label;
  GtkWidget *problems_scroller;
  GtkLabel *problems_label;
  GtkButton *open_folder_button;
} GlossTransferDialogPrivate;

static void gloss_transfer_dialog_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (GlossTransferDialog, gloss_transfer_dialog, GTK_TYPE_WINDOW,
                         G_ADD_PRIVATE (GlossTransferDialog)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, gloss_transfer_dialog_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_RUNNING,
  PROP_PROGRESS_TITLE,
  PROP_STOP_TOOLTIP,
  N_PROPS
};

enum {
  OPEN_FOLDER,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

gboolean
_gloss_transfer_dialog_is_disposed (GlossTransferDialog *self)
{
  GlossTransferDialogPrivate *priv = gloss_transfer_dialog_get_instance_private (self);

  return priv->disposed;
}

static void
set_running (GlossTransferDialog *self,
             GTask               *task)
{
  GlossTransferDialogPrivate *priv = gloss_transfer_dialog_get_instance_private (self);

  g_set_object (&priv->task, task);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "transfer.cancel", task != NULL);
  GLOSS_TRANSFER_DIALOG_GET_CLASS (self)->update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
set_progress_title (GlossTransferDialog *self,
                    const char          *title)
{
  GlossTransferDialogPrivate *priv = gloss_transfer_dialog_get_instance_private (self);

  if (g_strcmp0 (gtk_label_get_label (priv->progress_label), title) == 0)
    return;

  gtk_label_set_label (priv->progress_label, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS_TITLE]);
}

static void
set_stop_tooltip (GlossTransferDialog *self,
                  const char          *tooltip)
{
  GlossTransferDialogPrivate *priv = gloss_transfer_dialog_get_instance_private (self);

  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (priv->stop_button)), tooltip) == 0)
    return;

  gtk_widget_set_tooltip_text (GTK_WIDGET (priv->stop_button), tooltip);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STOP_TOOLTIP]);
}

/* Shows how far the thread has got with the job. */
static void
update_progress (GlossTransferDialog *self)
{
  GlossTransferDialogPrivate *priv = gloss_transfer_dialog_get_instance_private (self);
  guint done, total;
  g_autofree char *text = gloss_transfer_job_dup_progress (g_task_get_task_data (priv->task), &done, &total);

  gtk_progress_bar_set_text (priv->progress_bar, text);
  gtk_progress_bar_set_fraction (priv->progress_bar, total > 0 ? (double)done / total : 0.0);
}

static gboolean
progress_cb (gpointer user_data)
{
  update_progress (user_data);
  return G_SOURCE_CONTINUE;
}

/* Turns to the report: a title, a summary, and details (problems, notes)
 * if not empty. */
static void
show_report (GlossTransferDialog *self,
             GlossTransferReport *report)
{
  GlossTransferDialogPrivate *priv = gloss_transfer_dialog_get_instance_private (self);

  gtk_label_set_label (priv->report_title, report->title);
  gtk_label_set_label (priv->report_label, report->summary);
  gtk_label_set_label (priv->problems_label, report->details);
  gtk_widget_set_visible (priv->problems_scroller, *report->details != '\0');
  gtk_widget_set_visible (GTK_WIDGET (priv->open_folder_button),
                          priv->result_folder != NULL &&
                          g_file_query_file_type (priv->result_folder, G_FILE_QUERY_INFO_NONE, NULL) ==
                          G_FILE_TYPE_DIRECTORY);
  gtk_button_set_label (priv->close_button, _("_Close"));
  if (priv->start_button != NULL)
    gtk_widget_set_visible (priv->start_button, FALSE);
  gtk_stack_set_visible_child_name (priv->stack, "report");
  /* Not the selectable text: the user goes on with a button. */
  gtk_widget_grab_focus (gtk_widget_get_visible (GTK_WIDGET (priv->open_folder_button))
                         ? GTK_WIDGET (priv->open_folder_button) : GTK_WIDGET (priv->close_button));
  gtk_label_select_region (priv->report_label, 0, 0);
}

static void
run_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GlossTransferDialog *self = GLOSS_TRANSFER_DIALOG (source);
  GlossTransferDialogPrivate *priv = gloss_transfer_dialog_get_instance_private (self);
  GlossTransferJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GApplication) application = user_data;
  g_autoptr(GlossTransferReport) report = NULL;

  g_task_propagate_boolean (G_TASK (result), NULL);
  if (application != NULL)
    g_application_release (application);
  if (priv->disposed)
    return;

  g_clear_handle_id (&priv->progress_source, g_source_remove);
  update_progress (self);
  g_clear_object (&priv->cancellable);
  report = gloss_transfer_job_report (job);
  show_report (self, report);
  /* The task keeps the job alive until the subclass is done with it,
   * whatever the handlers of its signals do. */
  if (GLOSS_TRANSFER_DIALOG_GET_CLASS (self)->finished != NULL)
    GLOSS_TRANSFER_DIALOG_GET_CLASS (self)->finished (self, job);

  set_running (self, NULL);
  if (priv->close_when_done)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  gloss_transfer_job_run (task_data, cancellable);
  g_task_return_boolean (task, TRUE);
}

void
_gloss_transfer_dialog_run (GlossTransferDialog *self,
                            GlossTransferJob    *job,
                            GFile               *result_folder)
{
  GlossTransferDialogPrivate *priv = gloss_transfer_dialog_get_instance_private (self);
  g_autoptr(GTask) task = NULL;
  GApplication *application;

  g_assert (priv->task == NULL);
  g_assert (GLOSS_IS_TRANSFER_JOB (job));

  g_set_object (&priv->result_folder, result_folder);

  /* The application stays until the thread is done writing, even if its
   * last window closes. */
  application = g_application_get_default ();
  if (application != NULL)
    g_application_hold (application);

  priv->cancellable = g_cancellable_new ();
  task = g_task_new (self, priv->cancellable, run_done,
                     application != NULL ? g_object_ref (application) : NULL);
  g_task_set_source_tag (task, _gloss_transfer_dialog_run);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_object_ref (job), g_object_unref);
  set_running (self, task);

  gtk_stack_set_visible_child_name (priv->stack, "progress");
  if (priv->start_button != NULL)
    gtk_widget_set_sensitive (priv->start_button, FALSE);
  update_progress (self);
  priv->progress_source = g_timeout_add (PROGRESS_INTERVAL, progress_cb, self);
  g_source_set_name_by_id (priv->progress_source, "[gloss] transfer progress");

  g_task_run_in_thread (task, run_thread);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gloss_transfer_dialog_stop (GLOSS_TRANSFER_DIALOG (widget));
}

static void
open_folder_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GlossTransferDialog *self = GLOSS_TRANSFER_DIALOG (widget);
  GlossTransferDialogPrivate *priv = gloss_transfer_dialog_get_instance_private (self);
  g_autofree char *uri = NULL;

  if (priv->result_folder == NULL)
    return;

  uri = g_file_get_uri (priv->result_folder);
  g_signal_emit (self, signals[OPEN_FOLDER], 0, uri);
}

static void
show_uri_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GlossTransferDialog *self = GLOSS_TRANSFER_DIALOG (source);
  GlossTransferDialogPrivate *priv = gloss_transfer_dialog_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (self), result, &error) && !priv->disposed)
    {
      /* Translators: why the folder could not be shown */
      g_autofree char *message = g_strdup_printf (_("The folder could not be opened: %s"), error->message);

      gtk_label_set_label (priv->report_label, message);
    }
}

static void
real_open_folder (GlossTransferDialog *self,
                  const char          *uri)
{
  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, show_uri_done, NULL);
}

/* A subclass's template gives its form, the first page, and the button
 * that starts the job, at the end of the header bar. */
static void
gloss_transfer_dialog_add_child (GtkBuildable *buildable,
                                 GtkBuilder   *builder,
                                 GObject      *child,
                                 const char   *type)
{
  GlossTransferDialog *self = GLOSS_TRANSFER_DIALOG (buildable);
  GlossTransferDialogPrivate *priv = gloss_transfer_dialog_get_instance_private (self);

  if (g_strcmp0 (type, "form") == 0)
    {
      g_return_if_fail (GTK_IS_WIDGET (child));

      gtk_stack_add_named (priv->stack, GTK_WIDGET (child), "options");
    }
  else if (g_strcmp0 (type, "start-button") == 0)
    {
      g_return_if_fail (GTK_IS_WIDGET (child));
      g_return_if_fail (priv->start_button == NULL);

      priv->start_button = GTK_WIDGET (child);
      gtk_widget_add_css_class (priv->start_button, "suggested-action");
      gtk_header_bar_pack_end (priv->header_bar, priv->start_button);
      gtk_window_set_default_widget (GTK_WINDOW (self), priv->start_button);
    }
  else
    {
      parent_buildable_iface->add_child (buildable, builder, child, type);
    }
}

static void
gloss_transfer_dialog_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = gloss_transfer_dialog_add_child;
}

static void
gloss_transfer_dialog_constructed (GObject *object)
{
  GlossTransferDialog *self = (GlossTransferDialog *)object;
  GlossTransferDialogPrivate *priv = gloss_transfer_dialog_get_instance_private (self);

  G_OBJECT_CLASS (gloss_transfer_dialog_parent_class)->constructed (object);

  /* After the form, which the subclass's template added once this
   * class's template was built: the form stays the first page. */
  gtk_stack_add_named (priv->stack, priv->progress_page, "progress");
  gtk_stack_add_named (priv->stack, priv->report_page, "report");
}

static gboolean
gloss_transfer_dialog_close_request (GtkWindow *window)
{
  GlossTransferDialog *self = GLOSS_TRANSFER_DIALOG (window);
  GlossTransferDialogPrivate *priv = gloss_transfer_dialog_get_instance_private (self);

  /* Closed while running: stop first, so that the thread is done with
   * the files it writes; the window goes once it is. */
  if (priv->task != NULL)
    {
      priv->close_when_done = TRUE;
      gloss_transfer_dialog_stop (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (gloss_transfer_dialog_parent_class)->close_request (window);
}

static void
gloss_transfer_dialog_dispose (GObject *object)
{
  GlossTransferDialog *self = (GlossTransferDialog *)object;
  GlossTransferDialogPrivate *priv = gloss_transfer_dialog_get_instance_private (self);

  priv->disposed = TRUE;
  if (priv->cancellable != NULL)
    g_cancellable_cancel (priv->cancellable);
  g_clear_handle_id (&priv->progress_source, g_source_remove);

  /* No gtk_widget_dispose_template() for this class's template: in GTK
   * 4.8 it takes the list of children from the object's own class, the
   * subclass, and aborts on this one.  The children go with the window. */
  priv->start_button = NULL;

  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->task);
  g_clear_object (&priv->result_folder);
  g_clear_object (&priv->article);

  G_OBJECT_CLASS (gloss_transfer_dialog_parent_class)->dispose (object);
}

static void
gloss_transfer_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlossTransferDialog *self = GLOSS_TRANSFER_DIALOG (object);
  GlossTransferDialogPrivate *priv = gloss_transfer_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, gloss_transfer_dialog_get_article (self));
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, gloss_transfer_dialog_get_running (self));
      break;

    case PROP_PROGRESS_TITLE:
      g_value_set_string (value, gtk_label_get_label (priv->progress_label));
      break;

    case PROP_STOP_TOOLTIP:
      g_value_set_string (value, gtk_widget_get_tooltip_text (GTK_WIDGET (priv->stop_button)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_transfer_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GlossTransferDialog *self = GLOSS_TRANSFER_DIALOG (object);
  GlossTransferDialogPrivate *priv = gloss_transfer_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      priv->article = g_value_dup_object (value);
      break;

    case PROP_PROGRESS_TITLE:
      set_progress_title (self, g_value_get_string (value));
      break;

    case PROP_STOP_TOOLTIP:
      set_stop_tooltip (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_transfer_dialog_class_init (GlossTransferDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gloss_transfer_dialog_constructed;
  object_class->dispose = gloss_transfer_dialog_dispose;
  object_class->get_property = gloss_transfer_dialog_get_property;
  object_class->set_property = gloss_transfer_dialog_set_property;
  window_class->close_request = gloss_transfer_dialog_close_request;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The heading of the progress page: what the job does, such as
   * “Exporting…”, until the user stops it. */
  properties[PROP_PROGRESS_TITLE] =
    g_param_spec_string ("progress-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What stopping the job keeps and leaves, or NULL. */
  properties[PROP_STOP_TOOLTIP] =
    g_param_spec_string ("stop-tooltip", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Open Folder: the URI of the folder the job wrote to.  The default
   * handler shows it in the file manager; a handler that stops the
   * emission keeps it from doing so. */
  signals[OPEN_FOLDER] = g_signal_new_class_handler ("open-folder",
                                                     G_TYPE_FROM_CLASS (klass),
                                                     G_SIGNAL_RUN_LAST,
                                                     G_CALLBACK (real_open_folder),
                                                     NULL, NULL, NULL,
                                                     G_TYPE_NONE, 1, G_TYPE_STRING);

  _gloss_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossannotator/Gloss/gloss-transfer-dialog.ui");
  gtk_widget_class_bind_template_child_private (widget_class, GlossTransferDialog, header_bar);
  gtk_widget_class_bind_template_child_private (widget_class, GlossTransferDialog, close_button);
  gtk_widget_class_bind_template_child_private (widget_class, GlossTransferDialog, stack);
  gtk_widget_class_bind_template_child_private (widget_class, GlossTransferDialog, progress_page);
  gtk_widget_class_bind_template_child_private (widget_class, GlossTransferDialog, progress_label);
  gtk_widget_class_bind_template_child_private (widget_class, GlossTransferDialog, progress_bar);
  gtk_widget_class_bind_template_child_private (widget_class, GlossTransferDialog, stop_button);
  gtk_widget_class_bind_template_child_private (widget_class, GlossTransferDialog, report_page);
  gtk_widget_class_bind_template_child_private (widget_class, GlossTransferDialog, report_title);
  gtk_widget_class_bind_template_child_private (widget_class, GlossTransferDialog, report_label);
  gtk_widget_class_bind_template_child_private (widget_class, GlossTransferDialog, problems_scroller);
  gtk_widget_class_bind_template_child_private (widget_class, GlossTransferDialog, problems_label);
  gtk_widget_class_bind_template_child_private (widget_class, GlossTransferDialog, open_folder_button);

  gtk_widget_class_install_action (widget_class, "transfer.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "transfer.open-folder", NULL, open_folder_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_transfer_dialog_init (GlossTransferDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "transfer.cancel", FALSE);
}

GFile *
gloss_transfer_dialog_get_article (GlossTransferDialog *self)
{
  GlossTransferDialogPrivate *priv;

  g_return_val_if_fail (GLOSS_IS_TRANSFER_DIALOG (self), NULL);

  priv = gloss_transfer_dialog_get_instance_private (self);
  return priv->article;
}

gboolean
gloss_transfer_dialog_get_running (GlossTransferDialog *self)
{
  GlossTransferDialogPrivate *priv;

  g_return_val_if_fail (GLOSS_IS_TRANSFER_DIALOG (self), FALSE);

  priv = gloss_transfer_dialog_get_instance_private (self);
  return priv->task != NULL;
}

void
gloss_transfer_dialog_stop (GlossTransferDialog *self)
{
  GlossTransferDialogPrivate *priv;

  g_return_if_fail (GLOSS_IS_TRANSFER_DIALOG (self));

  priv = gloss_transfer_dialog_get_instance_private (self);
  if (priv->cancellable != NULL)
    {
      g_cancellable_cancel (priv->cancellable);
      set_progress_title (self, _("Stopping…"));
    }
}
