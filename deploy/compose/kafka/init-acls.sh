#!/usr/bin/env bash
# One-shot set-up of the compose stack's Kafka, run by the kafka-init service once the broker is healthy: creates
# every topic the services publish and consume (and their dead-letter topics), and gives each service's principal
# exactly the rights acls.txt lists. Idempotent: run again after changing acls.txt (docker compose up kafka-init).
#
# Environment (set by docker-compose.yml):
#   HUIYIN_KAFKA_ADMIN_PASSWORD   password of the super user kafka-admin
#   HUIYIN_OUTBOX_PARTITIONS      partitions of each topic (default 6)
set -euo pipefail

admin_password=${HUIYIN_KAFKA_ADMIN_PASSWORD:?HUIYIN_KAFKA_ADMIN_PASSWORD is required}
partitions=${HUIYIN_OUTBOX_PARTITIONS:-6}
bootstrap=kafka:9092
bin=/opt/kafka/bin
acls_file=/opt/huiyin/acls.txt

umask 077
config=$(mktemp)
trap 'rm -f "$config"' EXIT
cat >"$config" <<EOF2
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-256
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="kafka-admin" password="${admin_password}";
EOF2

topic() {
  "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$config" --create --if-not-exists \
    --topic "$1" --partitions "$partitions" --replication-factor 1 >/dev/null
  echo "[kafka-init] topic $1"
}

acl() {
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$config" --add --force "$@" >/dev/null
}

while read -r service writes reads; do
  case "$service" in ''|'#'*) continue ;; esac
  principal="User:$service"
  # Its own topics: publish (the outbox relay), create (the services provision their topics), describe.
  acl --allow-principal "$principal" --operation Write --operation Create --operation Describe \
    --operation DescribeConfigs --topic "$writes" --resource-pattern-type prefixed
  # Its consumer groups, named after the service (spring.cloud.stream.default.group), or starting with its name when
  # a binding has a group of its own (triage-inboxes).
  acl --allow-principal "$principal" --operation Read --operation Describe --group "$service" \
    --resource-pattern-type prefixed
  IFS=',' read -r -a consumed <<<"$reads"
  for read_topic in "${consumed[@]}"; do
    topic "$read_topic"
    acl --allow-principal "$principal" --operation Read --operation Describe --operation DescribeConfigs \
      --topic "$read_topic"
    dead_letters="error.$read_topic.$service"
    topic "$dead_letters"
    # Prefixed, for the dead letters of its other groups too (error.<topic>.triage-inboxes), which it creates itself.
    acl --allow-principal "$principal" --operation Write --operation Create --operation Describe \
      --operation DescribeConfigs --topic "$dead_letters" --resource-pattern-type prefixed
  done
  echo "[kafka-init] rights of $principal: writes $writes*, reads $reads"
done <"$acls_file"
echo "[kafka-init] done"
