/* gloss-corpus-walk.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Walking a folder for its articles and their annotation files: links
 * followed but every folder entered once, and whatever is not a file or
 * a folder left unopened, with the reason. */

#define G_LOG_DOMAIN "gloss-corpus"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/stat.h>

#include "gloss-annotation-file.h"
#include "gloss-corpus-status.h"
#include "gloss-corpus.h"

/* What a folder's listing asks of each entry: with nothing but the name
 * and the type, GIO takes the type from the folder itself and calls
 * stat() on no file, which makes most of a walk's cost. */
#define LIST_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_NAME "," \
  G_FILE_ATTRIBUTE_STANDARD_TYPE

/* What is asked of a link, a special file or a folder, once its links
 * are followed. */
#define WALK_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_NAME "," \
  G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
  G_FILE_ATTRIBUTE_UNIX_DEVICE "," \
  G_FILE_ATTRIBUTE_UNIX_INODE "," \
  G_FILE_ATTRIBUTE_UNIX_MODE

typedef struct
{
  GlossCorpusListing *listing;
  GHashTable *visited;       /* "DEVICE:INODE" of every folder entered */
  GHashTable *annotators;    /* annotator ids met */
  GCancellable *cancellable;
} Walk;

static void
skip_free (gpointer data)
{
  GlossCorpusSkip *skip = data;

  g_object_unref (skip->file);
  g_free (skip->reason);
  g_free (skip);
}

static void
add_skip (Walk       *walk,
          GFile      *file,
          gboolean    is_problem,
          char       *reason)
{
  GlossCorpusSkip *skip = g_new0 (GlossCorpusSkip, 1);

  skip->file = g_object_ref (file);
  skip->reason = reason;
  skip->is_problem = is_problem;
  g_ptr_array_add (walk->listing->skipped, skip);
}

static char *
identity_of (GFileInfo *info)
{
  return g_strdup_printf ("%u:%" G_GUINT64_FORMAT,
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE));
}

/* Why a file that is neither a regular file nor a folder is skipped. */
static char *
special_reason (GFile     *file,
                GFileInfo *info)
{
  g_autofree char *display = g_file_get_parse_name (file);
  guint32 mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE);

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SYMBOLIC_LINK)
    /* Translators: a file name */
    return g_strdup_printf (_("“%s” is a broken link, or a loop of links; skipped"), display);
  if (S_ISFIFO (mode))
    /* Translators: a file name */
    return g_strdup_printf (_("“%s” is a named pipe (FIFO), not a file; it was not opened"), display);
  /* Translators: a file name */
  return g_strdup_printf (_("“%s” is not a regular file (a socket or a device); it was not opened"),
                          display);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* What one folder holds, sorted out by kind. */
typedef struct
{
  GPtrArray *folders;            /* names */
  GPtrArray *annotation_names;   /* names */
  GPtrArray *regular;            /* names of other regular files */
  GHashTable *regular_set;       /* the same, to look up */
  GHashTable *special_set;       /* names skipped as not regular */
} Contents;

static void
contents_clear (Contents *c)
{
  g_clear_pointer (&c->folders, g_ptr_array_unref);
  g_clear_pointer (&c->annotation_names, g_ptr_array_unref);
  g_clear_pointer (&c->regular, g_ptr_array_unref);
  g_clear_pointer (&c->regular_set, g_hash_table_unref);
  g_clear_pointer (&c->special_set, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Contents, contents_clear)

static void
sort_entry (Walk       *walk,
            GFile      *folder,
            GFileInfo  *listed,
            Contents   *c)
{
  const char *name = g_file_info_get_name (listed);
  GFileType type = g_file_info_get_file_type (listed);
  g_autoptr(GFileInfo) info = NULL;

  if (name[0] == '.')
    return;

  /* A link counts as what it points to; a broken one, or a loop of
   * links, stays a link.  A special file is asked what it is. */
  if (type != G_FILE_TYPE_REGULAR && type != G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, name);

      info = g_file_query_info (child, WALK_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                                walk->cancellable, NULL);
      if (info == NULL)
        info = g_file_query_info (child, WALK_ATTRIBUTES, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                  walk->cancellable, NULL);
      if (info == NULL)
        return;
      type = g_file_info_get_file_type (info);
    }

  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_ptr_array_add (c->folders, g_strdup (name));
    }
  else if (type == G_FILE_TYPE_REGULAR)
    {
      if (gloss_annotation_file_name_is_valid (name))
        {
          g_ptr_array_add (c->annotation_names, g_strdup (name));
        }
      else
        {
          g_ptr_array_add (c->regular, g_strdup (name));
          g_hash_table_add (c->regular_set, g_strdup (name));
        }
    }
  else
    {
      g_autoptr(GFile) child = g_file_get_child (folder, name);

      add_skip (walk, child, TRUE, special_reason (child, info));
      g_hash_table_add (c->special_set, g_strdup (name));
    }
}

static gboolean
read_contents (Walk      *walk,
               GFile     *folder,
               Contents  *c,
               GError   **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;

  c->folders = g_ptr_array_new_with_free_func (g_free);
  c->annotation_names = g_ptr_array_new_with_free_func (g_free);
  c->regular = g_ptr_array_new_with_free_func (g_free);
  c->regular_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->special_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  enumerator = g_file_enumerate_children (folder, LIST_ATTRIBUTES,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          walk->cancellable, error);
  if (enumerator == NULL)
    return FALSE;

  for (;;)
    {
      GFileInfo *info;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, walk->cancellable, error))
        return FALSE;
      if (info == NULL)
        break;
      sort_entry (walk, folder, info, c);
    }

  g_ptr_array_sort (c->folders, compare_names);
  g_ptr_array_sort (c->annotation_names, compare_names);
  g_ptr_array_sort (c->regular, compare_names);
  return TRUE;
}

/* Gathers the annotation files of the folder by article; reports those
 * whose article is missing. */
static GHashTable *
group_annotation_files (Walk     *walk,
                        GFile    *folder,
                        Contents *c)
{
  GHashTable *by_article = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < c->annotation_names->len; i++)
    {
      const char *name = g_ptr_array_index (c->annotation_names, i);
      g_autoptr(GFile) file = g_file_get_child (folder, name);
      g_autoptr(GFile) article = gloss_corpus_article_of (file);
      g_autofree char *article_name = g_file_get_basename (article);
      g_autofree char *annotator = gloss_annotation_file_name_annotator (name, article_name);
      GPtrArray *files;

      if (g_hash_table_contains (c->special_set, article_name))
        continue;

      if (!g_hash_table_contains (c->regular_set, article_name))
        {
          g_autofree char *display = g_file_get_parse_name (file);

          add_skip (walk, file, TRUE,
                    /* Translators: an annotation file's name, then its article's */
                    g_strdup_printf (_("“%s” has no article: “%s” is missing"), display, article_name));
          continue;
        }

      files = g_hash_table_lookup (by_article, article_name);
      if (files == NULL)
        {
          files = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_article, g_strdup (article_name), files);
        }
      g_ptr_array_add (files, g_steal_pointer (&file));
      if (annotator != NULL)
        g_hash_table_add (walk->annotators, g_steal_pointer (&annotator));
    }

  return by_article;
}

static void walk_folder (Walk *walk, GFile *folder);

static void
add_articles (Walk     *walk,
              GFile    *folder,
              Contents *c)
{
  g_autoptr(GHashTable) by_article = group_annotation_files (walk, folder, c);

  for (guint i = 0; i < c->regular->len; i++)
    {
      const char *name = g_ptr_array_index (c->regular, i);
      GPtrArray *files = g_hash_table_lookup (by_article, name);
      GlossCorpusArticle *entry;

      if (files == NULL && !gloss_source_name_is_article (name))
        continue;

      entry = g_new0 (GlossCorpusArticle, 1);
      entry->article = g_file_get_child (folder, name);
      entry->annotation_files = files != NULL ? g_ptr_array_ref (files)
                                              : g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (walk->listing->articles, entry);
    }
}

/* Enters @folder unless it was entered already under another name. */
static void
enter_folder (Walk  *walk,
              GFile *folder)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  char *identity;

  info = g_file_query_info (folder, WALK_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                            walk->cancellable, &error);
  if (info == NULL)
    {
      add_skip (walk, folder, TRUE, g_strdup (error->message));
      return;
    }

  identity = identity_of (info);
  if (!g_hash_table_add (walk->visited, identity))
    {
      display = g_file_get_parse_name (folder);
      add_skip (walk, folder, FALSE,
                /* Translators: a folder's name */
                g_strdup_printf (_("“%s” leads to a folder already scanned (a link back up the tree); "
                                   "not scanned again"), display));
      return;
    }

  walk_folder (walk, folder);
}

static void
walk_folder (Walk  *walk,
             GFile *folder)
{
  g_auto(Contents) c = { NULL };
  g_autoptr(GError) error = NULL;

  if (!read_contents (walk, folder, &c, &error))
    {
      g_autofree char *display = g_file_get_parse_name (folder);

      /* Translators: a folder's name, then why it cannot be read */
      add_skip (walk, folder, TRUE, g_strdup_printf (_("“%s” cannot be read: %s"), display,
                                                     error->message));
      return;
    }

  add_articles (walk, folder, &c);

  for (guint i = 0; i < c.folders->len; i++)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, g_ptr_array_index (c.folders, i));

      if (g_cancellable_is_cancelled (walk->cancellable))
        return;
      enter_folder (walk, child);
    }
}

GlossCorpusListing *
gloss_corpus_listing_new (GFile         *folder,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GlossCorpusListing) listing = g_new0 (GlossCorpusListing, 1);
  g_autoptr(GHashTable) visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) annotators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char **ids = NULL;
  Walk walk = { listing, visited, annotators, cancellable };
  guint n_ids;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  listing->folder = g_object_ref (folder);
  listing->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_corpus_article_free);
  listing->skipped = g_ptr_array_new_with_free_func (skip_free);
  listing->annotators = g_ptr_array_new_null_terminated (0, g_free, TRUE);

  info = g_file_query_info (folder, WALK_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *display = g_file_get_parse_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   /* Translators: a file name */
                   _("“%s” is not a folder"), display);
      return NULL;
    }
  g_hash_table_add (visited, identity_of (info));

  walk_folder (&walk, folder);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  ids = (char **) g_hash_table_get_keys_as_array (annotators, &n_ids);
  g_hash_table_steal_all (annotators);
  for (guint i = 0; i < n_ids; i++)
    g_ptr_array_add (listing->annotators, ids[i]);
  g_ptr_array_sort (listing->annotators, compare_names);

  return g_steal_pointer (&listing);
}

void
gloss_corpus_listing_free (GlossCorpusListing *listing)
{
  if (listing == NULL)
    return;

  g_clear_object (&listing->folder);
  g_clear_pointer (&listing->articles, g_ptr_array_unref);
  g_clear_pointer (&listing->skipped, g_ptr_array_unref);
  g_clear_pointer (&listing->annotators, g_ptr_array_unref);
  g_free (listing);
}
