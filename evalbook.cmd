@echo off
rem Runs evalbook on Windows, building target\evalbook.jar first when it is missing or older than the sources.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%target\evalbook.jar"
set "STALE="
if not exist "%JAR%" set "STALE=1"
if not defined STALE (
  powershell -NoProfile -Command "$jar=(Get-Item '%JAR%').LastWriteTime; $new=Get-ChildItem -Recurse -File '%HERE%src\main','%HERE%pom.xml',(Get-ChildItem -Recurse -File -Include *.yaml,*.mustache '%HERE%workbook-templates').FullName | Where-Object { $_.LastWriteTime -gt $jar } | Select-Object -First 1; if ($new) { exit 1 } else { exit 0 }"
  if errorlevel 1 set "STALE=1"
)
if defined STALE (
  where mvn >nul 2>nul || (echo evalbook: Maven ^(mvn^) is needed to build target\evalbook.jar; or run a prebuilt jar with: java -jar evalbook.jar 1>&2 & exit /b 2)
  echo evalbook: building target\evalbook.jar ^(first run, or the sources changed^) ... 1>&2
  pushd "%HERE%"
  call mvn -q -B -Dstyle.color=never -DskipTests package 1>&2 || (popd & exit /b 3)
  popd
)
chcp 65001 >nul
java -Devalbook.home="%HERE%." -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -jar "%JAR%" %*
exit /b %ERRORLEVEL%
