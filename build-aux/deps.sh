# Debian 12 packages Gloss needs, and a function that installs the missing
# ones.  Sourced by build-aux/run and build-aux/test.

GLOSS_BUILD_PACKAGES=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-bin libjson-glib-dev libxml2-dev libgtk-4-dev
  desktop-file-utils appstream libx11-dev libxdamage-dev
)
GLOSS_TEST_PACKAGES=(
  xvfb xauth dbus python3 python3-jsonschema python3-nltk python3-pandas unicode-data locales
  valgrind
  chromium
)

gloss_install_packages ()
{
  local missing=() pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Gloss needs these Debian packages. Install them with:" >&2
    echo "  sudo apt-get install ${missing[*]}" >&2
    return 1
  fi
  echo "Installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2 || return 1
  apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 || return 1
}

# The French tests need a French locale; Debian generates only the ones
# listed in /etc/locale.gen.
gloss_ensure_french_locale ()
{
  if locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "The French tests need the fr_FR.UTF-8 locale; they are skipped without it." >&2
    echo "  sudo sed -i 's/^# *fr_FR.UTF-8/fr_FR.UTF-8/' /etc/locale.gen && sudo locale-gen" >&2
    return 0
  fi
  if [ -f /etc/locale.gen ] && grep -q '^# *fr_FR.UTF-8 UTF-8' /etc/locale.gen; then
    sed -i 's/^# *fr_FR.UTF-8 UTF-8/fr_FR.UTF-8 UTF-8/' /etc/locale.gen
  else
    echo 'fr_FR.UTF-8 UTF-8' >> /etc/locale.gen
  fi
  locale-gen >&2
}
