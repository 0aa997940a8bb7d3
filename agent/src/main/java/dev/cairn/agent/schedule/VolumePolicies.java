package dev.cairn.agent.schedule;

import dev.cairn.agent.command.Completion;
import dev.cairn.agent.desired.DesiredState;
import dev.cairn.agent.desired.DesiredStateApplier;
import dev.cairn.agent.layout.CatalogueException;
import dev.cairn.agent.layout.CatalogueReader;
import dev.cairn.agent.layout.CatalogueSource;
import dev.cairn.agent.retention.ForgetPolicy;
import dev.cairn.agent.retention.ForgetPolicyParser;
import dev.cairn.agent.retention.InvalidPolicyException;
import dev.cairn.inventory.desired.BackupPolicy;
import dev.cairn.inventory.desired.Volume;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which retention policy applies to a volume: the {@code backupPolicy} the catalogue gives it,
 * looked up among the desired state's {@code backupPolicies} ({@code cairn_backup_policies}) or
 * the named ones ({@code gfs-default}); the node's configured policy when the volume has none. A
 * desired state with a policy that cannot be applied is refused as a whole and the policies in
 * force stay. Thread-safe.
 */
public final class VolumePolicies implements DesiredStateApplier {

  private static final Logger LOG = LoggerFactory.getLogger(VolumePolicies.class);

  private final Path agentBase;
  private final CatalogueSource catalogue;
  private volatile Map<String, ForgetPolicy> policies = Map.of();

  public VolumePolicies(Path agentBase, CatalogueSource catalogue) {
    this.agentBase = agentBase;
    this.catalogue = catalogue;
  }

  /** Takes the policies of a desired state applied before this agent started; invalid ones are logged. */
  public void adopt(DesiredState state) {
    try {
      policies = read(state).orElse(policies);
    } catch (CatalogueException | InvalidPolicyException e) {
      LOG.warn("retention: desired state version {} has policies that cannot apply: {}", state.version(),
          e.getMessage());
    }
  }

  @Override
  public Completion apply(DesiredState state) {
    try {
      Optional<Map<String, ForgetPolicy>> read = read(state);
      if (read.isEmpty()) {
        return Completion.ok("retention: no desired-state document; policies left as they are");
      }
      policies = read.get();
      return Completion.ok("retention: " + policies.size() + " declared polic" + (policies.size() == 1 ? "y" : "ies"));
    } catch (CatalogueException e) {
      return Completion.failed("retention: desired state refused: " + String.join("; ", e.problems()));
    } catch (InvalidPolicyException e) {
      return Completion.failed("retention: desired state refused: " + e.getMessage());
    }
  }

  /** The policy for {@code volume}; {@code fallback} when the catalogue names none this agent knows. */
  public ForgetPolicy forVolume(String volume, ForgetPolicy fallback) {
    Optional<String> name = catalogue.current().volume(volume).map(Volume::backupPolicy);
    if (name.isEmpty()) {
      return fallback;
    }
    ForgetPolicy declared = policies.get(name.get());
    if (declared != null) {
      return declared;
    }
    try {
      return ForgetPolicy.named(name.get());
    } catch (InvalidPolicyException unknown) {
      LOG.warn("retention: volume {} names policy '{}', which is neither declared nor built in; using the node's",
          volume, name.get());
      return fallback;
    }
  }

  private Optional<Map<String, ForgetPolicy>> read(DesiredState state)
      throws CatalogueException, InvalidPolicyException {
    Optional<dev.cairn.inventory.desired.DesiredState> document = CatalogueReader.desiredState(state.spec(), agentBase);
    if (document.isEmpty()) {
      return Optional.empty();
    }
    Map<String, ForgetPolicy> read = new LinkedHashMap<>();
    for (BackupPolicy policy : document.get().backupPolicies()) {
      try {
        read.put(policy.name(), convert(policy));
      } catch (InvalidPolicyException e) {
        throw new InvalidPolicyException("backup policy '" + policy.name() + "': " + e.getMessage());
      }
    }
    return Optional.of(Map.copyOf(read));
  }

  /** A desired-state policy as a retention policy (restic's rules, the same parser as {@code cairn forget}). */
  static ForgetPolicy convert(BackupPolicy p) throws InvalidPolicyException {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("keep-last", p.keepLast());
    settings.put("keep-hourly", p.keepHourly());
    settings.put("keep-daily", p.keepDaily());
    settings.put("keep-weekly", p.keepWeekly());
    settings.put("keep-monthly", p.keepMonthly());
    settings.put("keep-yearly", p.keepYearly());
    settings.put("keep-within", p.keepWithin());
    settings.put("keep-within-hourly", p.keepWithinHourly());
    settings.put("keep-within-daily", p.keepWithinDaily());
    settings.put("keep-within-weekly", p.keepWithinWeekly());
    settings.put("keep-within-monthly", p.keepWithinMonthly());
    settings.put("keep-within-yearly", p.keepWithinYearly());
    settings.put("keep-tag", p.keepTags().isEmpty() ? null : List.copyOf(p.keepTags()));
    ForgetPolicy policy = ForgetPolicyParser.fromMap(settings);
    if (policy.isEmpty()) {
      // restic refuses an empty policy too: applied, it would forget every snapshot of the volume
      throw new InvalidPolicyException("it has no keep rule, so it would remove every snapshot; give it at least one");
    }
    return policy;
  }
}
