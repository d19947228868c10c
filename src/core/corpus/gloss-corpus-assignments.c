/* gloss-corpus-assignments.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading gloss-assignments.csv: a CSV reader of RFC 4180 that counts the
 * lines it passes, so that every message can name the line, and the
 * rows gathered per article. */

#define G_LOG_DOMAIN "gloss-corpus"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation-file.h"
#include "gloss-corpus-assignments.h"
#include "gloss-error.h"
#include "gloss-file-io.h"

typedef struct
{
  const char *article;   /* the key of by_article */
  guint line;
} Row;

struct _GlossAssignments
{
  char *display_name;
  GHashTable *by_article;   /* path → GPtrArray of ids, sorted, NULL-terminated */
  GArray *rows;             /* Row, in the file's order */
  GPtrArray *annotators;    /* sorted, NULL-terminated */
};

/* The CSV reader: where it is in the data, and on which line. */
typedef struct
{
  const char *data;
  gsize length;
  gsize pos;
  guint line;
  const char *name;
} Reader;

typedef enum
{
  RECORD,
  END,
  FAILED,
} ReadResult;

static void
set_line_error (GError     **error,
                int          code,
                const char  *name,
                guint        line,
                const char  *what)
{
  /* Translators: a file name, a line number, then what is wrong there */
  g_set_error (error, GLOSS_ERROR, code, _("%s, line %u: %s"), name, line, what);
}

/* Whether the data at the reader's position ends a record, and if so,
 * passes the line end. */
static gboolean
at_record_end (Reader *r)
{
  if (r->pos >= r->length)
    return TRUE;
  if (r->data[r->pos] == '\n')
    {
      r->pos++;
      r->line++;
      return TRUE;
    }
  if (r->data[r->pos] == '\r' && r->pos + 1 < r->length && r->data[r->pos + 1] == '\n')
    {
      r->pos += 2;
      r->line++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
read_quoted (Reader   *r,
             GString  *field,
             GError  **error)
{
  guint first_line = r->line;

  r->pos++;
  for (;;)
    {
      char c;

      if (r->pos >= r->length)
        {
          set_line_error (error, GLOSS_ERROR_PARSE, r->name, first_line,
                          _("a quoted field is not closed"));
          return FALSE;
        }
      c = r->data[r->pos++];
      if (c == '"')
        {
          if (r->pos < r->length && r->data[r->pos] == '"')
            {
              g_string_append_c (field, '"');
              r->pos++;
              continue;
            }
          break;
        }
      if (c == '\n')
        r->line++;
      g_string_append_c (field, c);
    }

  if (r->pos < r->length && r->data[r->pos] != ',' && r->data[r->pos] != '\n' &&
      !(r->data[r->pos] == '\r' && r->pos + 1 < r->length && r->data[r->pos + 1] == '\n'))
    {
      set_line_error (error, GLOSS_ERROR_PARSE, r->name, r->line, _("text after a closing quote"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_unquoted (Reader   *r,
               GString  *field,
               GError  **error)
{
  while (r->pos < r->length)
    {
      char c = r->data[r->pos];

      if (c == ',' || c == '\n' || (c == '\r' && r->pos + 1 < r->length && r->data[r->pos + 1] == '\n'))
        break;
      if (c == '"')
        {
          set_line_error (error, GLOSS_ERROR_PARSE, r->name, r->line,
                          _("a quote inside a field that does not start with one"));
          return FALSE;
        }
      g_string_append_c (field, c);
      r->pos++;
    }
  return TRUE;
}

/* Reads the next record into @fields (strings), skipping blank lines;
 * *@line is set to the line it starts on. */
static ReadResult
read_record (Reader     *r,
             GPtrArray  *fields,
             guint      *line,
             GError    **error)
{
  g_ptr_array_set_size (fields, 0);

  /* Blank lines hold no record. */
  while (r->pos < r->length && at_record_end (r))
    ;
  if (r->pos >= r->length)
    return END;

  *line = r->line;
  for (;;)
    {
      g_autoptr(GString) field = g_string_new (NULL);
      gboolean ok;

      /* The data may end right after a comma: an empty last field. */
      if (r->pos < r->length && r->data[r->pos] == '"')
        ok = read_quoted (r, field, error);
      else
        ok = read_unquoted (r, field, error);
      if (!ok)
        return FAILED;
      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      if (r->pos < r->length && r->data[r->pos] == ',')
        {
          r->pos++;
          continue;
        }
      at_record_end (r);
      return RECORD;
    }
}

/* @path as the key of an article: '/' between its folders, without "."
 * or empty parts; NULL when it is not under the folder (absolute, with a
 * "..", or with a backslash, which the file's format does not use). */
static char *
normalise_path (const char *path)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (*path == '\0' || *path == '/' || strchr (path, '\\') != NULL)
    return NULL;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        return NULL;
      g_ptr_array_add (kept, parts[i]);
    }
  if (kept->len == 0)
    return NULL;
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

/* Which of the header's fields are the article and the annotator. */
static gboolean
read_header (GPtrArray   *fields,
             guint        line,
             const char  *name,
             guint       *article,
             guint       *annotator,
             GError     **error)
{
  *article = *annotator = G_MAXUINT;
  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *column = g_ascii_strdown (g_strstrip ((char *) g_ptr_array_index (fields, i)), -1);
      guint *slot = NULL;

      if (strcmp (column, "article") == 0)
        slot = article;
      else if (strcmp (column, "annotator") == 0)
        slot = annotator;
      if (slot == NULL)
        continue;
      if (*slot != G_MAXUINT)
        {
          /* Translators: a column's name in the file's header */
          g_autofree char *what = g_strdup_printf (_("the column “%s” is named twice"), column);

          set_line_error (error, GLOSS_ERROR_PARSE, name, line, what);
          return FALSE;
        }
      *slot = i;
    }
  if (*article == G_MAXUINT || *annotator == G_MAXUINT)
    {
      set_line_error (error, GLOSS_ERROR_PARSE, name, line,
                      _("the first line must name the columns “article” and “annotator”"));
      return FALSE;
    }
  return TRUE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Adds @annotator to @article's list, unless it is there. */
static void
assign (GlossAssignments *self,
        GHashTable       *ids,
        char             *article,
        const char       *annotator,
        guint             line)
{
  GPtrArray *list = NULL;
  char *key = NULL;
  Row row;

  if (!g_hash_table_lookup_extended (self->by_article, article, (gpointer *) &key, (gpointer *) &list))
    {
      key = article;
      list = g_ptr_array_new_null_terminated (1, g_free, TRUE);
      g_hash_table_insert (self->by_article, key, list);
    }
  else
    g_free (article);

  row.article = key;
  row.line = line;
  g_array_append_val (self->rows, row);

  for (guint i = 0; i < list->len; i++)
    if (strcmp (g_ptr_array_index (list, i), annotator) == 0)
      return;
  g_ptr_array_add (list, g_strdup (annotator));
  g_ptr_array_sort (list, compare_ids);
  g_hash_table_add (ids, g_strdup (annotator));
}

/* Checks a row's fields and adds it. */
static gboolean
take_row (GlossAssignments  *self,
          GHashTable        *ids,
          GPtrArray         *fields,
          guint              n_columns,
          guint              line,
          guint              article_column,
          guint              annotator_column,
          GError           **error)
{
  const char *name = self->display_name;
  char *path, *annotator;
  char *article;

  if (fields->len != n_columns)
    {
      /* Translators: how many fields a line has, then how many the first
       * line has */
      g_autofree char *what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u field where the first line has %u",
                                                            "%u fields where the first line has %u",
                                                            fields->len),
                                               fields->len, n_columns);

      set_line_error (error, GLOSS_ERROR_PARSE, name, line, what);
      return FALSE;
    }

  path = g_strstrip ((char *) g_ptr_array_index (fields, article_column));
  annotator = g_strstrip ((char *) g_ptr_array_index (fields, annotator_column));
  if (*path == '\0' || *annotator == '\0')
    {
      set_line_error (error, GLOSS_ERROR_INVALID, name, line,
                      *path == '\0' ? _("the article is missing") : _("the annotator is missing"));
      return FALSE;
    }
  article = normalise_path (path);
  if (article == NULL)
    {
      /* Translators: what the file gives as an article's path */
      g_autofree char *what = g_strdup_printf (_("“%s” is not a path under the folder (relative, "
                                                 "with “/” between folders)"), path);

      set_line_error (error, GLOSS_ERROR_INVALID, name, line, what);
      return FALSE;
    }
  if (!gloss_annotator_id_is_valid (annotator))
    {
      /* Translators: what the file gives as an annotator id */
      g_autofree char *what = g_strdup_printf (_("“%s” is not an annotator id (lower-case letters, "
                                                 "digits and “-”)"), annotator);

      g_free (article);
      set_line_error (error, GLOSS_ERROR_INVALID, name, line, what);
      return FALSE;
    }

  if (g_hash_table_size (ids) >= GLOSS_ASSIGNMENTS_MAX_ANNOTATORS && !g_hash_table_contains (ids, annotator))
    {
      /* Translators: the most annotators the file may name */
      g_autofree char *what = g_strdup_printf (_("more than %'u annotators"), GLOSS_ASSIGNMENTS_MAX_ANNOTATORS);

      g_free (article);
      set_line_error (error, GLOSS_ERROR_INVALID, name, line, what);
      return FALSE;
    }

  assign (self, ids, article, annotator, line);
  return TRUE;
}

/* The line @end lies on in @data. */
static guint
line_at (const char *data,
         const char *end)
{
  guint line = 1;

  for (const char *p = data; p < end; p++)
    line += *p == '\n';
  return line;
}

GlossAssignments *
gloss_assignments_parse (const char  *data,
                         gsize        length,
                         const char  *display_name,
                         GError     **error)
{
  g_autoptr(GlossAssignments) self = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader r = { data, length, 0, 1, display_name };
  const char *invalid = NULL;
  guint article_column, annotator_column, n_columns, line = 1;
  ReadResult result;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self = g_new0 (GlossAssignments, 1);
  self->display_name = g_strdup (display_name);
  self->by_article = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));

  /* A NUL byte is invalid too. */
  if (length > 0 && !g_utf8_validate_len (data, length, &invalid))
    {
      set_line_error (error, GLOSS_ERROR_PARSE, display_name, line_at (data, invalid),
                      _("the text is not UTF-8"));
      return NULL;
    }
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    r.pos = 3;

  result = read_record (&r, fields, &line, error);
  if (result == FAILED)
    return NULL;
  if (result == END || !read_header (fields, line, display_name, &article_column, &annotator_column, error))
    {
      if (result == END)
        set_line_error (error, GLOSS_ERROR_PARSE, display_name, 1,
                        _("the first line must name the columns “article” and “annotator”"));
      return NULL;
    }
  n_columns = fields->len;

  while ((result = read_record (&r, fields, &line, error)) == RECORD)
    if (!take_row (self, ids, fields, n_columns, line, article_column, annotator_column, error))
      return NULL;
  if (result == FAILED)
    return NULL;

  self->annotators = g_ptr_array_new_null_terminated (g_hash_table_size (ids), g_free, TRUE);
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (self->annotators, key);
    }
  g_ptr_array_sort (self->annotators, compare_ids);

  return g_steal_pointer (&self);
}

GlossAssignments *
gloss_assignments_load (GFile         *folder,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  file = g_file_get_child (folder, GLOSS_ASSIGNMENTS_FILE_NAME);
  display = g_file_get_parse_name (file);

  /* Not there at all (a broken link is there, and refused below). */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                            cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        /* Translators: a file name */
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("“%s” does not exist"), display);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!gloss_file_read_regular (file, GLOSS_ASSIGNMENTS_MAX_SIZE, cancellable, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        /* Translators: a file name */
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                     _("“%s” is a broken link; it was not read"), display);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return gloss_assignments_parse (data, length, display, error);
}

void
gloss_assignments_free (GlossAssignments *self)
{
  if (self == NULL)
    return;
  g_free (self->display_name);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->by_article, g_hash_table_unref);
  g_clear_pointer (&self->annotators, g_ptr_array_unref);
  g_free (self);
}

const char *
gloss_assignments_get_display_name (GlossAssignments *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

guint
gloss_assignments_get_n_rows (GlossAssignments *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

const char * const *
gloss_assignments_get_annotators (GlossAssignments *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (self != NULL, NULL);

  /* An empty array may have no storage at all. */
  if (self->annotators->pdata == NULL)
    return none;
  return (const char * const *) self->annotators->pdata;
}

const char * const *
gloss_assignments_lookup (GlossAssignments *self,
                          const char       *article)
{
  GPtrArray *list;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (article != NULL, NULL);

  list = g_hash_table_lookup (self->by_article, article);
  return list != NULL ? (const char * const *) list->pdata : NULL;
}

gboolean
gloss_assignments_is_assigned (GlossAssignments *self,
                               const char       *article,
                               const char       *annotator)
{
  const char * const *ids = gloss_assignments_lookup (self, article);

  return ids != NULL && annotator != NULL && g_strv_contains (ids, annotator);
}

char *
gloss_assignments_path_of (GFile *folder,
                           GFile *article)
{
  char *path;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (G_IS_FILE (article), NULL);

  path = g_file_get_relative_path (folder, article);
  if (path != NULL && G_DIR_SEPARATOR != '/')
    g_strdelimit (path, G_DIR_SEPARATOR_S, '/');
  return path;
}

GPtrArray *
gloss_assignments_check (GlossAssignments *self,
                         GHashTable       *articles)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (self != NULL, warnings);
  g_return_val_if_fail (articles != NULL, warnings);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (!g_hash_table_contains (articles, row->article))
        g_ptr_array_add (warnings,
                         /* Translators: a file name, a line number, then what
                          * the line gives as an article's path */
                         g_strdup_printf (_("%s, line %u: “%s” is not an article of the folder; "
                                            "the line is left aside"),
                                          self->display_name, row->line, row->article));
    }
  return warnings;
}
