package dev.cairn.inventory.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Invalid cairn_* variables, table-driven: each is refused with the file and line of the
 * variable, the path inside it and what is wrong.
 */
class DesiredStateProblemsTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      cairn_volumes: {postgresql-data: {mode: '0800'}}|cairn_volumes.postgresql-data.mode: must be an octal file mode
      cairn_volumes: {x: {path: ../etc}}|cairn_volumes.x.path: '../etc' is outside the base directory /opt/ai-q
      cairn_volumes: {x: {path: /etc/cairn}}|cairn_volumes.x.path: '/etc/cairn' is outside the base directory
      cairn_volumes: {x: {path: data/postgresql}}|cairn_volumes.x.path: the same directory as volume 'postgresql-data'
      cairn_volumes: {x: {path: data/x, size: 5}}|cairn_volumes.x.size: unknown field; known fields: backup_policy, enabled
      cairn_volumes: {x: {owner: me}}|cairn_volumes.x: a new volume needs a path
      cairn_volumes: {redis-data: {tier: lukewarm}}|cairn_volumes.redis-data.tier: must be one of hot, warm, cold, cache, not 'lukewarm'
      cairn_volumes: {redis-data: {owner: 'x y'}}|cairn_volumes.redis-data.owner: 'x y' is neither a user/group name nor a numeric id
      cairn_volumes: {redis-data: {backup_policy: hourly}}|cairn_volumes.redis-data.backup_policy: no backup policy 'hourly'
      cairn_volumes: {redis-data: {repository: usb}}|cairn_volumes.redis-data.repository: no repository 'usb'
      cairn_volumes: [a, b]|cairn_volumes: must be a mapping of fields, not a list
      cairn_services: [postgresql, mysql]|cairn_services: 'mysql' is not a catalogue service
      cairn_backup_policy: weekly|cairn_backup_policy: 'weekly' is not a policy
      cairn_backup_policies: {p: {}}|cairn_backup_policies.p: a policy needs at least one keep_* rule
      cairn_backup_policies: {p: {keep_within: 2 weeks}}|cairn_backup_policies.p.keep_within: '2 weeks' is not a restic duration
      cairn_backup_policies: {p: {keep_within: 0d}}|cairn_backup_policies.p.keep_within: '0d' keeps nothing
      cairn_backup_policies: {p: {keep_daily: 0}}|cairn_backup_policies.p.keep_daily: must be a whole number from 1
      cairn_schedules: {daily: {cron: '0 25 * * *'}}|cairn_schedules.daily.cron: hour field '25': '25' is not allowed (0-23)
      cairn_schedules: {daily: {cron: '0 2 * *'}}|cairn_schedules.daily.cron: a cron expression has 5 fields
      cairn_schedules: {x: {cron: '@daily'}}|cairn_schedules.x: a new schedule needs cron and action
      cairn_schedules: {x: {cron: '@daily', action: backup}}|cairn_schedules.x.action: must be one of snapshot, forget, prune, verify, restore-test, rotate-logs
      cairn_schedules: {daily: {volumes: [nope]}}|cairn_schedules.daily.volumes: no volume 'nope' on this host
      cairn_schedules: {verify: {copy_to: archive}}|cairn_schedules.verify.copy_to: only snapshot schedules copy snapshots
      cairn_hooks: {postgresql: {pre: [{command: [a], pause: pg}]}}|cairn_hooks.postgresql.pre[0]: a hook step has exactly one of command, exec, pause, unpause; found command and pause
      cairn_hooks: {postgresql: {pre: [{command: pg_dump -f x}]}}|cairn_hooks.postgresql.pre[0].command: must be the command as a list of arguments
      cairn_hooks: {postgresql: {pre: [{exec: {command: [a]}}]}}|cairn_hooks.postgresql.pre[0].exec.container: exec needs the container
      cairn_hooks: {mysql: {pre: []}}|cairn_hooks.mysql: no volume of this host belongs to service 'mysql'
      cairn_hooks: {redis: {pre: [{pause: r, timeout: soon}]}}|cairn_hooks.redis.pre[0].timeout: must be a duration
      cairn_hooks: {redis: {pre: [{pause: r, env: {A: b}}]}}|cairn_hooks.redis.pre[0].env: only command and exec steps take env; pause runs nothing
      cairn_hooks: {redis: {pre: [{command: [a], env: {1A: b}}]}}|cairn_hooks.redis.pre[0].env.1A: is not an environment variable name
      cairn_hooks: {redis: {pre: [{command: [a], env: [A]}]}}|cairn_hooks.redis.pre[0].env: must be a mapping of fields, not a list
      cairn_images: {postgres: 15.6}|cairn_images.postgres.tag: must be a non-empty string, not the number 15.6 (quote it: "15.6")
      cairn_images: {Postgres: '15'}|cairn_images.Postgres: not an image name
      cairn_images: {postgres: {tag: current}}|cairn_images.postgres.alias: the alias must differ from the tag
      cairn_image_cache: {max_size: lots}|cairn_image_cache.max_size: must be a size such as 20GiB
      cairn_repositories: {s3: {type: s3, endpoint: 'http://h:9000'}}|cairn_repositories.s3.bucket: an S3 repository needs a bucket
      cairn_repositories: {usb: {path: /mnt/usb, bucket: b}}|cairn_repositories.usb.bucket: only for type: s3
      cairn_repositories: {usb: {path: /mnt/usb, password_file: key}}|cairn_repositories.usb.password_file: must be an absolute path on the node
      cairn_alert_thresholds: {capacity_warning_percent: 95}|cairn_alert_thresholds.capacity_warning_percent: must be below capacity_critical_percent
      cairn_timezone: Mars/Olympus|cairn_timezone: 'Mars/Olympus' is not a time zone
      cairn_base_dir: opt/ai-q|cairn_base_dir: must be an absolute directory other than /
      cairn_labels: {site: {a: 1}}|cairn_labels.site: a label's value is a single word or number
      cairn_health_interval: 5 minutes|cairn_health_interval: must be a duration such as 30s
      cairn_drift: '{{ drift }}'|cairn_drift: Jinja2 templates are not evaluated by Cairn
      """)
  void resolve_invalidVariable_isRefusedWithFileLineAndPath(String yaml, String problem)
      throws Exception {
    assertThatThrownBy(() -> DesiredStateResolverTest.resolveIn(dir, "# vars\n" + yaml + "\n"))
        .isInstanceOfSatisfying(DesiredStateException.class, e -> assertThat(e.problems())
            .anySatisfy(p -> assertThat(p).startsWith(
                dir.resolve("group_vars/all.yml") + ":2: " + problem)));
  }
}
