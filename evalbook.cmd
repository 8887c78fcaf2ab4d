@echo off
rem Runs evalbook on Windows, building target\evalbook.jar first when it is missing or older than the sources.
setlocal
rem The messages below are UTF-8 Chinese: switch the console code page first.
chcp 65001 >nul
set "HERE=%~dp0"
set "JAR=%HERE%target\evalbook.jar"
set "STALE="
if not exist "%JAR%" set "STALE=1"
if not defined STALE (
  powershell -NoProfile -Command "$jar=(Get-Item '%JAR%').LastWriteTime; $new=Get-ChildItem -Recurse -File '%HERE%src\main','%HERE%pom.xml',(Get-ChildItem -Recurse -File -Include *.yaml,*.mustache '%HERE%workbook-templates').FullName | Where-Object { $_.LastWriteTime -gt $jar } | Select-Object -First 1; if ($new) { exit 1 } else { exit 0 }"
  if errorlevel 1 set "STALE=1"
)
if defined STALE (
  where mvn >nul 2>nul || (echo evalbook：需要 Maven（mvn）来构建 target\evalbook.jar。请先安装 Maven，或用 java -jar evalbook.jar 运行已构建好的程序。 1>&2 & exit /b 2)
  echo evalbook：正在构建 target\evalbook.jar（首次运行或程序有更新），约需一两分钟…… 1>&2
  pushd "%HERE%"
  call mvn -q -B -Dstyle.color=never -DskipTests package 1>&2 || (popd & exit /b 3)
  popd
)
java -Devalbook.home="%HERE%." -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -jar "%JAR%" %*
exit /b %ERRORLEVEL%
