/* review-window-test-util.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-annotation-file.h"
#include "review-window-test-util.h"

const char * const all_three[] = { "test-person", "ben", "cleo", NULL };

/* All three mark Acme Corp alike; Cleo starts the rivals' claim later;
 * Ben calls Zenith Ltd a person; only Ben marks the savings. */
const Passage own_passages[] = {
  { "org", "Acme Corp won", "Acme Corp" },
  { "claim", "Rivals", "little," },
  { "org", "Zenith", "Zenith Ltd" },
  { NULL },
};
const Passage ben_passages[] = {
  { "org", "Acme Corp won", "Acme Corp" },
  { "claim", "Rivals", "little," },
  { "person", "Zenith", "Zenith Ltd" },
  { "claim", "savings", "million" },
  { NULL },
};
const Passage cleo_passages[] = {
  { "org", "Acme Corp won", "Acme Corp" },
  { "claim", "Acme Corp paid", "little," },
  { "org", "Zenith", "Zenith Ltd" },
  { NULL },
};


/* The character offset of @needle in ARTICLE (all ASCII). */
guint
at (const char *needle)
{
  const char *found = strstr (ARTICLE, needle);

  g_assert_nonnull (found);
  return found - ARTICLE;
}

guint
end_of (const char *needle)
{
  return at (needle) + strlen (needle);
}

void
annotate (GlossLayer    *layer,
          const Passage *passages)
{
  for (guint i = 0; passages[i].tag != NULL; i++)
    gloss_layer_annotate (layer, passages[i].tag, at (passages[i].from), end_of (passages[i].to), NULL);
}

void
write_teammate (Fixture       *f,
                const char    *id,
                const char    *name,
                const Passage *passages)
{
  g_autoptr(GFile) article = g_file_new_for_path (f->article);
  g_autoptr(GlossSource) source = gloss_source_new_from_plain_text (article, 0, NULL, NULL);
  g_autoptr(GlossAnnotationFile) theirs = gloss_annotation_file_new (source, id, name);
  g_autoptr(GError) error = NULL;

  annotate (gloss_annotation_file_get_layer (theirs), passages);
  g_assert_true (gloss_annotation_file_save (theirs, GLOSS_SAVE_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
}

GlossLayer *
own_layer (Fixture *f)
{
  return gloss_document_get_layer (gloss_window_get_document (f->window));
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = make_article_folder ("gloss-review", ARTICLE, &f->article);
  write_teammate (f, "ben", "Ben", ben_passages);
  write_teammate (f, "cleo", "Cleo", cleo_passages);
  f->window = open_window (f->article);
  annotate (own_layer (f), own_passages);
  settle ();
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    close_window (f->window);
  delete_tree (f->dir);
  g_free (f->dir);
  g_free (f->article);
}

void
activate (GlossWindow *window,
          const char  *action)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, NULL));
  settle ();
}

void
review (Fixture            *f,
        const char * const *ids)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.review-annotators",
                                                     g_variant_new_strv (ids, -1)));
  settle ();
}

GtkTextBuffer *
buffer (Fixture *f)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (gloss_window_get_text_view (f->window)));
}

gboolean
marked (Fixture    *f,
        const char *tag_name,
        guint       offset)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer (f)), tag_name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer (f), &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

const char *
review_text (Fixture *f)
{
  GtkWidget *label = find_label (GTK_WIDGET (f->window), "review-label");

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

void
assert_selected (Fixture *f,
                 guint    start,
                 guint    end)
{
  guint s, e;

  g_assert_true (gloss_text_view_get_selection_range (gloss_window_get_text_view (f->window), &s, &e));
  g_assert_cmpuint (s, ==, start);
  g_assert_cmpuint (e, ==, end);
}

/* Every widget of type @type under @root named @name (any name when
 * NULL), in order. */
void
collect (GtkWidget  *root,
         const char *name,
         GType       type,
         GPtrArray  *found)
{
  if ((name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0) &&
      G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, name, type, found);
}

/* The first of them. */
GtkWidget *
find (GtkWidget  *root,
      const char *name,
      GType       type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, name, type, found);
  g_assert_cmpuint (found->len, >, 0);
  return g_ptr_array_index (found, 0);
}

GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  return find (root, name, GTK_TYPE_WIDGET);
}

GlossReviewList *
review_list (Fixture *f)
{
  GtkWidget *list = named (GTK_WIDGET (f->window), "review-list-pane");

  g_assert_nonnull (list);
  return GLOSS_REVIEW_LIST (list);
}


static gboolean
figures_shown (gpointer data)
{
  Fixture *f = data;

  return strstr (gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (f->window), "review-figures"))), "F1") != NULL;
}

void
wait_for_figures (Fixture *f)
{
  wait_until (figures_shown, f);
}
