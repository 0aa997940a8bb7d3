package dev.cairn.controller;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.Gauge;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cairn.controller.auth.ApiPrincipal;
import dev.cairn.controller.auth.JsonUnauthorizedHandler;
import dev.cairn.controller.auth.RoleAuthorizer;
import dev.cairn.controller.auth.TokenAuthenticator;
import dev.cairn.controller.files.AtomicFiles;
import dev.cairn.controller.fleet.BackupCheck;
import dev.cairn.controller.fleet.ContactRule;
import dev.cairn.controller.grpc.AgentLinkGrpcService;
import dev.cairn.controller.grpc.EnrollmentGrpcService;
import dev.cairn.controller.grpc.GrpcServer;
import dev.cairn.controller.grpc.IdentityInterceptor;
import dev.cairn.controller.health.GrpcServerHealthCheck;
import dev.cairn.controller.health.RocksDbHealthCheck;
import dev.cairn.controller.inventory.UploadLimits;
import dev.cairn.controller.model.CommandStatus;
import dev.cairn.controller.pki.CertificateAuthority;
import dev.cairn.controller.resources.AlertsResource;
import dev.cairn.controller.resources.ApiTokensResource;
import dev.cairn.controller.resources.AuditFilter;
import dev.cairn.controller.resources.JsonBodyLimitFilter;
import dev.cairn.controller.resources.PeerAddressFilter;
import dev.cairn.controller.resources.AuditResource;
import dev.cairn.controller.resources.CommandsResource;
import dev.cairn.controller.resources.ControllerExceptionMapper;
import dev.cairn.controller.resources.GroupDesiredResource;
import dev.cairn.controller.resources.NodeCommandsResource;
import dev.cairn.controller.resources.NodeDesiredResource;
import dev.cairn.controller.resources.EnrollmentTokensResource;
import dev.cairn.controller.resources.EventsResource;
import dev.cairn.controller.resources.InventoryResource;
import dev.cairn.controller.resources.JsonExceptionMapper;
import dev.cairn.controller.resources.NodesResource;
import dev.cairn.controller.resources.RunsResource;
import dev.cairn.controller.resources.UnexpectedExceptionMapper;
import dev.cairn.controller.resources.VolumesResource;
import dev.cairn.controller.resources.WebApplicationExceptionMapper;
import dev.cairn.controller.service.AlertService;
import dev.cairn.controller.service.AuditService;
import dev.cairn.controller.service.CommandService;
import dev.cairn.controller.service.DesiredStateResolver;
import dev.cairn.controller.service.DesiredStateService;
import dev.cairn.controller.service.DeviceMetrics;
import dev.cairn.controller.service.DeviceService;
import dev.cairn.controller.service.EnrollmentService;
import dev.cairn.controller.service.EventService;
import dev.cairn.controller.service.FleetChecks;
import dev.cairn.controller.service.InventoryService;
import dev.cairn.controller.service.NodeService;
import dev.cairn.controller.service.RunService;
import dev.cairn.controller.service.TokenService;
import dev.cairn.controller.service.VolumeService;
import dev.cairn.controller.store.rocksdb.RocksControllerStore;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * The Cairn controller: wires the RocksDB store, the CA, the device-facing gRPC server and the
 * operator REST API into one Dropwizard application. {@code cairn controller server [CONFIG]}
 * runs it; {@link ControllerLauncher} starts it in-process.
 */
public class ControllerApplication extends Application<ControllerConfiguration> {
  private final AtomicReference<ControllerRuntime> runtime = new AtomicReference<>();

  public static void main(String[] args) throws Exception {
    new ControllerApplication().run(args);
  }

  @Override
  public String getName() {
    return "cairn-controller";
  }

  @Override
  public void initialize(Bootstrap<ControllerConfiguration> bootstrap) {
    bootstrap.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        // a mistyped field (say "ttl" for "ttlSeconds") is refused, not silently dropped
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** The running controller's parts; null before {@link #run} completed. */
  public ControllerRuntime runtime() {
    return runtime.get();
  }

  @Override
  public void run(ControllerConfiguration config, Environment environment) throws Exception {
    Clock clock = Clock.systemUTC();
    Path dataDir = AtomicFiles.privateDirectory(config.getDataDir().toAbsolutePath());
    RocksControllerStore store = RocksControllerStore.open(dataDir.resolve("db"), clock);
    // Managed objects stop in reverse order: the store, registered first, closes last.
    environment.lifecycle().manage(new Managed() {
      @Override
      public void stop() {
        store.close();
      }
    });
    CertificateAuthority authority = CertificateAuthority.loadOrCreate(config.caDirOrDefault(), clock);
    DeviceMetrics metrics = new DeviceMetrics(environment.metrics());
    EventService events = new EventService(store, clock);
    DesiredStateResolver resolver = new DesiredStateResolver(store);
    DeviceService devices = new DeviceService(store, resolver, events, clock, metrics, version());
    TokenService tokens = new TokenService(store, clock);
    Path adminTokenFile = tokens.ensureBootstrapAdmin(dataDir);

    String grpcHost = config.getGrpc().advertisedHostOrDefault();
    AtomicReference<GrpcServer> grpcServer = new AtomicReference<>();
    EnrollmentService enrollment = new EnrollmentService(store, authority, devices,
        () -> grpcHost + ":" + grpcServer.get().port(), events, metrics, clock,
        Duration.ofMillis(config.getClientCertificateValidity().toMilliseconds()));
    grpcServer.set(new GrpcServer(config.getGrpc(), authority, new EnrollmentGrpcService(enrollment),
        new AgentLinkGrpcService(devices, metrics), new IdentityInterceptor(authority, store.nodes()),
        devices));
    environment.lifecycle().manage(grpcServer.get());

    CommandService commands = new CommandService(store, devices, clock);
    DesiredStateService desired = new DesiredStateService(store, resolver, devices);
    registerRest(config, environment, tokens, clock, store, events, desired, commands, enrollment);
    RunService runs = registerFleet(config.getFleet(), environment, clock, store, events, devices,
        resolver, desired, commands);
    environment.lifecycle().manage(new CommandExpiryTask(commands, runs,
        Duration.ofMillis(config.getCommandExpiryInterval().toMilliseconds())));

    environment.healthChecks().register("rocksdb", new RocksDbHealthCheck(store));
    environment.healthChecks().register("grpc", new GrpcServerHealthCheck(grpcServer.get(), devices));
    environment.metrics().register("cairn.agents.connected", (Gauge<Integer>) devices::connectedCount);
    environment.metrics().register("cairn.commands.pending", new CachedGauge<Long>(10, TimeUnit.SECONDS) {
      @Override
      protected Long loadValue() {
        return store.commands().countByStatus(CommandStatus.PENDING);
      }
    });
    runtime.set(new ControllerRuntime(grpcServer.get(), grpcHost, authority, devices, dataDir,
        adminTokenFile));
  }

  private static void registerRest(ControllerConfiguration config, Environment environment,
      TokenService tokens, Clock clock, RocksControllerStore store, EventService events,
      DesiredStateService desired, CommandService commands, EnrollmentService enrollment) {
    if (config.getServerFactory() instanceof AbstractServerFactory server) {
      server.setRegisterDefaultExceptionMappers(false);
    }
    environment.jersey().register(new AuthDynamicFeature(
        new OAuthCredentialAuthFilter.Builder<ApiPrincipal>()
            .setAuthenticator(new TokenAuthenticator(tokens))
            .setAuthorizer(new RoleAuthorizer())
            .setPrefix("Bearer")
            .setRealm("cairn")
            .setUnauthorizedHandler(new JsonUnauthorizedHandler())
            .buildAuthFilter()));
    environment.jersey().register(RolesAllowedDynamicFeature.class);
    environment.jersey().register(new ControllerExceptionMapper());
    environment.jersey().register(new WebApplicationExceptionMapper());
    environment.jersey().register(new JsonExceptionMapper());
    environment.jersey().register(new UnexpectedExceptionMapper());
    AuditService audit = new AuditService(store);
    environment.jersey().register(new AuditFilter(audit, clock));
    environment.jersey().register(new JsonBodyLimitFilter());
    environment.servlets().addFilter("peer-address", new PeerAddressFilter())
        .addMappingForUrlPatterns(java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST), true, "/*");
    environment.jersey().register(new NodeDesiredResource(desired));
    environment.jersey().register(new GroupDesiredResource(desired));
    environment.jersey().register(new NodeCommandsResource(commands));
    environment.jersey().register(new CommandsResource(commands));
    environment.jersey().register(new EventsResource(events));
    environment.jersey().register(new EnrollmentTokensResource(enrollment));
    environment.jersey().register(new ApiTokensResource(tokens));
    environment.jersey().register(new AuditResource(audit));
  }

  /**
   * The fleet features (issues #4, #5): nodes with the fleet view's verdicts, inventory uploads,
   * fleet runs, alerts, volumes. Returns the run service for the expiry task.
   */
  private static RunService registerFleet(FleetConfiguration fleet, Environment environment,
      Clock clock, RocksControllerStore store, EventService events, DeviceService devices,
      DesiredStateResolver resolver, DesiredStateService desired, CommandService commands) {
    InventoryService inventory = new InventoryService(store, resolver, desired, devices, events,
        clock, new UploadLimits(fleet.getMaxInventorySize().toBytes(),
            UploadLimits.DEFAULT.maxFiles()));
    RunService runs = new RunService(store, commands, inventory, devices, clock,
        FleetConfiguration.java(fleet.getRunTtl()));
    FleetChecks checks = new FleetChecks(
        new ContactRule(FleetConfiguration.java(fleet.getDefaultHealthInterval()),
            FleetConfiguration.java(fleet.getStaleGrace())),
        new BackupCheck(FleetConfiguration.java(fleet.getBackupGrace())), clock);
    environment.jersey().register(new NodesResource(
        new NodeService(store, devices, resolver, events, checks, clock), desired));
    environment.jersey().register(new InventoryResource(inventory));
    environment.jersey().register(new RunsResource(runs));
    environment.jersey().register(new AlertsResource(new AlertService(store)));
    environment.jersey().register(new VolumesResource(
        new VolumeService(store, devices, resolver, checks)));
    return runs;
  }

  /** From the {@code pom.properties} Maven puts into the jar; the shaded manifest is not ours alone. */
  static String version() {
    String resource = "/META-INF/maven/dev.cairn/cairn-controller/pom.properties";
    try (InputStream in = ControllerApplication.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "development";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "development");
    } catch (IOException e) {
      return "development";
    }
  }
}
