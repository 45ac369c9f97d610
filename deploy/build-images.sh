#!/usr/bin/env bash
# Builds the four service images where a Docker engine exists (JVM mode, non-root, with health checks):
#   deploy/build-images.sh [TAG] [REGISTRY]     e.g. deploy/build-images.sh 0.1.0 registry.example.org/confide
# Then push them (docker push REGISTRY/<service>:TAG) and set the overlay's `images:` to match.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TAG=${1:-0.1.0}
REGISTRY=${2:-confide}
cd "$ROOT"
./mvnw -B -q package -DskipTests
for s in consent-service disclosure-service records-service audit-service; do
  docker build -f "$s/src/main/docker/Dockerfile.jvm" -t "$REGISTRY/$s:$TAG" "$s"
done
