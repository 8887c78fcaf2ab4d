#!/bin/sh
# Copies a project sheet of a project return with LibreOffice (headless, a profile of its own) and fills the copy's
# 项目名称, as a unit adding a project does; the result is read back by ProjectCopiesTest.
#
# Usage: make-copied-sheet.sh INPUT.xlsx OUTPUT.xlsx [SHEET [COPY [项目名称]]]
#   default: copy 项目1 to 项目2 named 乡村道路养护
set -eu
input=$(realpath "$1")
output=$(realpath -m "$2")
sheet=${3:-项目1}
copy=${4:-项目2}
name=${5:-乡村道路养护}
here=$(cd "$(dirname "$0")" && pwd)
profile=$(mktemp -d)
port=$((20000 + $$ % 10000))
soffice -env:UserInstallation="file://$profile" --headless --norestore --nologo \
    --accept="socket,host=127.0.0.1,port=$port;urp;" >"$profile/soffice.log" 2>&1 &
office=$!
trap 'kill $office 2>/dev/null; wait $office 2>/dev/null; rm -rf "$profile"' EXIT
/usr/bin/python3 "$here/make-copied-sheet.py" "$port" "$input" "$output" "$sheet" "$copy" "$name"
