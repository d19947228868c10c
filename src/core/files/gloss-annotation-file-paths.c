/* gloss-annotation-file-paths.c
 *
 * Copyright 2026 The Gloss authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-annotation-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation-file.h"
#include "gloss-tag.h"

/* Where an annotator's file lies beside the article, which files beside
 * it are annotation files, and the default annotator's id. */


GFile *
gloss_annotation_file_path_for (GFile      *article,
                                const char *annotator_id)
{
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) dir = NULL;

  g_return_val_if_fail (G_IS_FILE (article), NULL);
  g_return_val_if_fail (annotator_id != NULL, NULL);

  base = g_file_get_basename (article);
  name = g_strconcat (base, ".", annotator_id, GLOSS_ANNOTATION_FILE_SUFFIX, NULL);
  dir = g_file_get_parent (article);

  return g_file_get_child (dir, name);
}

static gboolean
is_annotator_slug (const char *s,
                   gsize       length)
{
  if (length == 0 || length > 64)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_islower (s[i]) && !g_ascii_isdigit (s[i]) && s[i] != '-')
      return FALSE;

  return TRUE;
}

char *
gloss_annotation_file_name_annotator (const char *name,
                                      const char *article_name)
{
  gsize name_len, article_len, suffix_len;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (article_name != NULL, NULL);

  name_len = strlen (name);
  article_len = strlen (article_name);
  suffix_len = strlen (GLOSS_ANNOTATION_FILE_SUFFIX);

  if (name_len <= article_len + 1 + suffix_len ||
      strncmp (name, article_name, article_len) != 0 ||
      name[article_len] != '.' ||
      !g_str_has_suffix (name, GLOSS_ANNOTATION_FILE_SUFFIX))
    return NULL;

  if (!is_annotator_slug (name + article_len + 1, name_len - article_len - 1 - suffix_len))
    return NULL;

  return g_strndup (name + article_len + 1, name_len - article_len - 1 - suffix_len);
}

gboolean
gloss_annotation_file_name_is_valid (const char *name)
{
  const char *stem_end, *dot;

  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_str_has_suffix (name, GLOSS_ANNOTATION_FILE_SUFFIX))
    return FALSE;

  stem_end = name + strlen (name) - strlen (GLOSS_ANNOTATION_FILE_SUFFIX);
  for (dot = stem_end - 1; dot > name && *dot != '.'; dot--)
    ;

  return dot > name && is_annotator_slug (dot + 1, stem_end - dot - 1);
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *na = g_file_get_basename (*(GFile **)a);
  g_autofree char *nb = g_file_get_basename (*(GFile **)b);

  return strcmp (na, nb);
}

GPtrArray *
gloss_annotation_file_list_for (GFile         *article,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *article_name = NULL;

  g_return_val_if_fail (G_IS_FILE (article), NULL);

  dir = g_file_get_parent (article);
  article_name = g_file_get_basename (article);
  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (enumerator == NULL)
    return NULL;

  files = g_ptr_array_new_with_free_func (g_object_unref);
  for (;;)
    {
      GFileInfo *info;
      g_autofree char *annotator = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, error))
        return NULL;
      if (info == NULL)
        break;

      annotator = gloss_annotation_file_name_annotator (g_file_info_get_name (info), article_name);
      if (annotator != NULL)
        g_ptr_array_add (files, g_file_get_child (dir, g_file_info_get_name (info)));
    }

  g_ptr_array_sort (files, compare_files);
  return g_steal_pointer (&files);
}

gboolean
gloss_source_path_is_safe (const char *path)
{
  if (path == NULL || *path == '\0')
    return FALSE;
  if (strcmp (path, ".") == 0 || strcmp (path, "..") == 0)
    return FALSE;
  if (strchr (path, '/') != NULL || strchr (path, '\\') != NULL)
    return FALSE;
  /* A drive letter ("C:") names another place on Windows. */
  if (strchr (path, ':') != NULL)
    return FALSE;

  return TRUE;
}

gboolean
gloss_annotator_id_is_valid (const char *id)
{
  g_autofree char *slug = NULL;

  if (id == NULL || !is_annotator_slug (id, strlen (id)))
    return FALSE;

  /* A slug never holds two dashes in a row, nor one at either end: the
   * ids of that kind stay the consensus's. */
  slug = gloss_slugify (id);
  return g_strcmp0 (slug, id) == 0;
}

char *
gloss_annotator_id_from_name (const char *name)
{
  g_autofree char *spaced = NULL;
  char *slug;

  g_return_val_if_fail (name != NULL, NULL);

  /* Annotator ids use '-' only; a name may hold '_', which slugs keep. */
  spaced = g_strdelimit (g_strdup (name), "_", ' ');
  slug = gloss_slugify (spaced);
  if (slug != NULL && strlen (slug) > 64)
    {
      slug[64] = '\0';
      while (g_str_has_suffix (slug, "-"))
        slug[strlen (slug) - 1] = '\0';
    }

  if (!gloss_annotator_id_is_valid (slug))
    g_clear_pointer (&slug, g_free);

  return slug;
}

char *
gloss_default_annotator_id (void)
{
  char *slug = gloss_annotator_id_from_name (g_get_user_name ());

  return slug != NULL ? slug : g_strdup ("annotator");
}
