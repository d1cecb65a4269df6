#!/usr/bin/env bash
# Builds the base image of the runtime's container image as a `docker save` tarball, without Docker
# and without a container registry (Jib reads it as from.image = tar://...): Debian's C library
# (libc6, libgcc-s1 from the Debian mirror, unpacked with dpkg-deb), a Java runtime jlink'ed from the
# JDK that bin/java-home.sh selects, a non-root user 65532 ("app") and nothing else: no shell, no
# package manager. The JDK brings its own CA certificates, time zone data and zlib.
#
# Cached: a second run with the same JDK, packages and script prints the cached tarball at once.
# Prints the tarball's path on stdout; progress goes to stderr. Needs root (file ownership), apt-get
# and dpkg-deb.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/java-home.sh >&2

CACHE_DIR=${FLOW_CONNECTIONS_IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/flow-connections/image-base}
BASE_TAR=$CACHE_DIR/base.tar
PACKAGES=(libc6 libgcc-s1)
# java.se is every java.* module (java.desktop is there for java.beans, which Spring needs); the
# jdk.* ones: Unsafe for Netty/gRPC, elliptic curves and PKCS#11 for TLS, extra charsets and Kerberos
# for the JDBC drivers, DNS naming, JFR and jcmd for diagnosis.
MODULES=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.charsets,jdk.naming.dns,jdk.net,jdk.zipfs,jdk.management,jdk.management.jfr,jdk.jfr,jdk.jcmd,jdk.security.auth,jdk.security.jgss
APP_UID=65532

versions=""
for package in "${PACKAGES[@]}"; do
  version=$(apt-cache policy "$package" | awk '/Candidate:/ {print $2}')
  [ -n "$version" ] && [ "$version" != "(none)" ] || { echo "apt-cache knows no $package (apt-get update?)" >&2; exit 1; }
  versions+="$package=$version "
done
key=$( { cat "$0"; cat "$JAVA_HOME/release"; echo "$versions"; } | sha256sum | cut -c1-16)
if [ -f "$BASE_TAR" ] && [ "$(cat "$CACHE_DIR/base.key" 2>/dev/null)" = "$key" ]; then
  echo "Base image: cached ($versions, $(awk -F'"' '/^JAVA_RUNTIME_VERSION/ {print $2}' "$JAVA_HOME/release"))" >&2
  echo "$BASE_TAR"
  exit 0
fi

[ "$(id -u)" = 0 ] || { echo "building the base image needs root (file ownership inside the image)" >&2; exit 1; }
echo "Base image: building ($versions) in $CACHE_DIR" >&2
mkdir -p "$CACHE_DIR"
work=$(mktemp -d "$CACHE_DIR/build.XXXXXX")
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs
mkdir -p "$rootfs" "$work/debs" "$rootfs/var/lib/dpkg/status.d"

(cd "$work/debs" && apt-get download -q -o APT::Sandbox::User=root "${PACKAGES[@]/%/:amd64}" >&2)
for deb in "$work"/debs/*.deb; do
  dpkg-deb -x "$deb" "$rootfs"
  # what image scanners read to know which Debian packages (and versions) are inside
  dpkg-deb -f "$deb" > "$rootfs/var/lib/dpkg/status.d/$(dpkg-deb -f "$deb" Package)"
done
# documentation except the licences, and what only a package manager needs
find "$rootfs/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$rootfs/usr/share/lintian" "$rootfs/usr/share/man" "$rootfs/usr/share/locale"

echo "Base image: jlink $MODULES" >&2
jlink --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --generate-cds-archive --output "$rootfs/opt/java" >&2

install -d -m 0755 "$rootfs/etc" "$rootfs/proc" "$rootfs/sys" "$rootfs/dev"
install -d -m 1777 "$rootfs/tmp"
install -d -m 0750 -o "$APP_UID" -g "$APP_UID" "$rootfs/home/app"
printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:%s:%s:Flow Connections:/home/app:/sbin/nologin\n' "$APP_UID" "$APP_UID" > "$rootfs/etc/passwd"
printf 'root:x:0:\napp:x:%s:\n' "$APP_UID" > "$rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$rootfs/etc/nsswitch.conf"
cp /etc/os-release "$rootfs/etc/os-release"
chmod 0644 "$rootfs"/etc/{passwd,group,nsswitch.conf,os-release}

# a `docker save` archive: one uncompressed layer, its config and the manifest Jib reads
(cd "$rootfs" && tar --sort=name --numeric-owner -cf "$work/layer.tar" $(ls -A))
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"User":"$APP_UID:$APP_UID","WorkingDir":"/home/app",
  "Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created_by":"deploy/image/build-base.sh: $versions+ jlink"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["flow-connections-base:local"],"Layers":["layer.tar"]}]' > "$work/manifest.json"
tar -C "$work" -cf "$work/base.tar" manifest.json config.json layer.tar
mv "$work/base.tar" "$BASE_TAR"
echo "$key" > "$CACHE_DIR/base.key"
echo "Base image: $(du -h "$BASE_TAR" | cut -f1) uncompressed" >&2
echo "$BASE_TAR"
