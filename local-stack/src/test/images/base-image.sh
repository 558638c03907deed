#!/usr/bin/env bash
# Writes a base image for Jib where no registry can be reached: a Docker-format image tarball (the
# layout `docker save` writes, which Jib takes as `-Djib.from.image=tar://<file>`) holding
#   /opt/java/openjdk  a Java runtime made with jlink from this machine's JDK (JAVA_HOME, else the
#                      JDK of `javac` on the PATH),
#   the shared libraries that runtime loads (from ldd, with the dynamic loader),
#   /etc/passwd and /etc/group naming the user 1000 the services' images run as, and /tmp.
# The production images start from eclipse-temurin instead (root pom.xml); this one lets the build
# make and check real images offline, and it runs: ServiceImagesIT starts each service's image in it.
# Usage: base-image.sh OUTPUT.tar
set -euo pipefail
out=$(realpath -m "$1")
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
java_home=/opt/java/openjdk

# The modules of a JRE a Spring Boot service needs: all of Java SE, plus the JDK's crypto providers,
# locale data (Swedish formats), charsets, DNS naming, JFR, management, zipfs and sun.misc.Unsafe.
"$jdk/bin/jlink" --add-modules java.se,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.localedata,jdk.charsets,jdk.naming.dns,jdk.jfr,jdk.management,jdk.management.agent,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.unsupported,jdk.zipfs,jdk.httpserver \
  --strip-debug --no-man-pages --no-header-files --output "$root$java_home"

# Every library the runtime's executables and native libraries load, found as this machine's loader finds them.
find "$root$java_home/bin" "$root$java_home/lib" -type f \( -path '*/bin/*' -o -name '*.so' -o -name jspawnhelper -o -name jexec \) \
  | xargs ldd 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && $2 ~ /^\(0x/ { print $1 }' \
  | grep -v "^$root/" | sort -u | while read -r lib; do
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    done
mkdir -p "$root/etc" "$root/tmp" "$root/home/app"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1000:1000:app:/home/app:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\napp:x:1000:\n' > "$root/etc/group"
chown 1000:1000 "$root/home/app" 2>/dev/null || true

# One layer, reproducible: sorted, owned by root, dated at the epoch.
(cd "$root" && tar --sort=name --numeric-owner --owner=0 --group=0 --mtime=@0 -cf "$work/layer.tar" .)
diff_id=sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"local-stack/src/test/images/base-image.sh (jlink of $("$jdk/bin/java" -version 2>&1 | head -1 | tr -d '"'))"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["samplan/jlink-base:local"],"Layers":["layer.tar"]}]\n' > "$work/manifest.json"
mkdir -p "$(dirname "$out")"
tar --mtime=@0 -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "$out"
