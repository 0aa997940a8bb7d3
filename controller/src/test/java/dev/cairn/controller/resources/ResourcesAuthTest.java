package dev.cairn.controller.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.controller.api.ApiTokenRequest;
import dev.cairn.controller.auth.ApiPrincipal;
import dev.cairn.controller.auth.JsonUnauthorizedHandler;
import dev.cairn.controller.auth.RoleAuthorizer;
import dev.cairn.controller.auth.TokenAuthenticator;
import dev.cairn.controller.fleet.BackupCheck;
import dev.cairn.controller.fleet.ContactRule;
import dev.cairn.controller.model.Role;
import dev.cairn.controller.service.AuditService;
import dev.cairn.controller.service.CommandService;
import dev.cairn.controller.service.DesiredStateResolver;
import dev.cairn.controller.service.DesiredStateService;
import dev.cairn.controller.service.DeviceMetrics;
import dev.cairn.controller.service.DeviceService;
import dev.cairn.controller.service.EventService;
import dev.cairn.controller.service.FleetChecks;
import dev.cairn.controller.service.NodeService;
import dev.cairn.controller.service.TokenService;
import dev.cairn.controller.store.rocksdb.RocksControllerStore;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** REST resources with the real auth filter and error mappers, in Jersey's in-memory container. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ResourcesAuthTest {
  private static final Clock CLOCK = Clock.systemUTC();
  private static final RocksControllerStore STORE = openStore();
  private static final TokenService TOKENS = new TokenService(STORE, CLOCK);
  private static final String VIEWER = secret(Role.VIEWER);
  private static final String OPERATOR = secret(Role.OPERATOR);
  private static final String ADMIN = secret(Role.ADMIN);
  private static final ResourceExtension RESOURCES = resources();

  private static RocksControllerStore openStore() {
    try {
      return RocksControllerStore.open(Files.createTempDirectory("resources-test"), CLOCK);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String secret(Role role) {
    try {
      return TOKENS.create(new ApiTokenRequest(role.wireName(), role.wireName()), "test").token();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ResourceExtension resources() {
    EventService events = new EventService(STORE, CLOCK);
    DesiredStateResolver resolver = new DesiredStateResolver(STORE);
    DeviceService devices = new DeviceService(STORE, resolver, events, CLOCK,
        new DeviceMetrics(new MetricRegistry()), "test");
    DesiredStateService desired = new DesiredStateService(STORE, resolver, devices);
    STORE.nodes().update("n1", node -> node.withEnrollment(Instant.now(), "01"));
    return ResourceExtension.builder()
        .setRegisterDefaultExceptionMappers(false)
        .addProvider(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<ApiPrincipal>()
            .setAuthenticator(new TokenAuthenticator(TOKENS))
            .setAuthorizer(new RoleAuthorizer())
            .setPrefix("Bearer")
            .setRealm("cairn")
            .setUnauthorizedHandler(new JsonUnauthorizedHandler())
            .buildAuthFilter()))
        .addProvider(RolesAllowedDynamicFeature.class)
        .addProvider(new ControllerExceptionMapper())
        .addProvider(new WebApplicationExceptionMapper())
        .addProvider(new JsonExceptionMapper())
        .addProvider(new UnexpectedExceptionMapper())
        .addProvider(new AuditFilter(new AuditService(STORE), CLOCK))
        .addResource(new NodesResource(new NodeService(STORE, devices, resolver, events,
            new FleetChecks(new ContactRule(Duration.ofSeconds(60), Duration.ofMinutes(15)),
                new BackupCheck(Duration.ofHours(1)), CLOCK), CLOCK), desired))
        .addResource(new NodeCommandsResource(new CommandService(STORE, devices, CLOCK)))
        .addResource(new CommandsResource(new CommandService(STORE, devices, CLOCK)))
        .addResource(new ApiTokensResource(TOKENS))
        .addResource(new AuditResource(new AuditService(STORE)))
        .build();
  }

  @AfterAll
  static void closeStore() {
    STORE.close();
  }

  private static Invocation.Builder request(String path, String token) {
    Invocation.Builder builder = RESOURCES.target(path).request(MediaType.APPLICATION_JSON);
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private static Response postCommand(String token, String json) {
    return request("/api/v1/nodes/n1/commands", token).post(Entity.json(json));
  }

  @Test
  void get_withoutToken_is401WithErrorShape() {
    Response response = request("/api/v1/nodes", null).get();

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeaderString("WWW-Authenticate")).startsWith("Bearer");
    assertThat(response.readEntity(JsonNode.class).get("error").asText()).isEqualTo("unauthenticated");
  }

  @Test
  void get_withUnknownToken_is401() {
    assertThat(request("/api/v1/nodes", "cairn_nope").get().getStatus()).isEqualTo(401);
  }

  @Test
  void get_viewer_is200() {
    Response response = request("/api/v1/nodes", VIEWER).get();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.readEntity(JsonNode.class).get(0).get("name").asText()).isEqualTo("n1");
  }

  @Test
  void postCommand_viewer_is403Forbidden() {
    Response response = postCommand(VIEWER, "{\"kind\":\"ping\"}");

    assertThat(response.getStatus()).isEqualTo(403);
    JsonNode body = response.readEntity(JsonNode.class);
    assertThat(body.get("error").asText()).isEqualTo("forbidden");
    assertThat(body.get("message").asText()).contains("role");
  }

  @Test
  void postCommand_operator_is201Pending() {
    Response response = postCommand(OPERATOR, "{\"kind\":\"ping\",\"arguments\":{\"payload\":\"x\"}}");

    assertThat(response.getStatus()).isEqualTo(201);
    JsonNode body = response.readEntity(JsonNode.class);
    assertThat(body.get("status").asText()).isEqualTo("pending");
    assertThat(body.at("/arguments/payload").asText()).isEqualTo("x");
  }

  @Test
  void postCommand_sameIdTwice_returnsFirstWith200() {
    String json = "{\"id\":\"same-1\",\"kind\":\"ping\"}";
    JsonNode first = postCommand(OPERATOR, json).readEntity(JsonNode.class);
    Response again = postCommand(OPERATOR, "{\"id\":\"same-1\",\"kind\":\"report-health\"}");

    assertThat(again.getStatus()).isEqualTo(200);
    JsonNode second = again.readEntity(JsonNode.class);
    assertThat(second.get("seq")).isEqualTo(first.get("seq"));
    assertThat(second.get("kind").asText()).isEqualTo("ping");
  }

  @Test
  void postCommand_unknownKind_is400NamingKnownKinds() {
    Response response = postCommand(OPERATOR, "{\"kind\":\"explode\"}");

    assertThat(response.getStatus()).isEqualTo(400);
    JsonNode body = response.readEntity(JsonNode.class);
    assertThat(body.get("error").asText()).isEqualTo("invalid-request");
    assertThat(body.get("message").asText()).contains("report-health");
  }

  @Test
  void postCommand_unknownArgument_is400() {
    Response response = postCommand(OPERATOR, "{\"kind\":\"ping\",\"arguments\":{\"bogus\":1}}");

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.readEntity(JsonNode.class).get("message").asText()).contains("bogus");
  }

  @Test
  void postCommand_malformedJson_is400() {
    Response response = postCommand(OPERATOR, "{\"kind\":");

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.readEntity(JsonNode.class).get("error").asText()).isEqualTo("invalid-request");
  }

  @Test
  void postCommand_unknownNode_is404() {
    Response response = request("/api/v1/nodes/ghost/commands", OPERATOR)
        .post(Entity.json("{\"kind\":\"ping\"}"));

    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(response.readEntity(JsonNode.class).get("error").asText()).isEqualTo("not-found");
  }

  @Test
  void getCommand_unknownId_is404WithErrorShape() {
    Response response = request("/api/v1/commands/none", VIEWER).get();

    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(response.readEntity(JsonNode.class).get("error").asText()).isEqualTo("not-found");
  }

  @Test
  void createToken_operator_is403AndAdminWithBadRole_is400() {
    Entity<Map<String, String>> body = Entity.json(Map.of("name", "x", "role", "root"));

    assertThat(request("/api/v1/tokens", OPERATOR).post(body).getStatus()).isEqualTo(403);
    Response response = request("/api/v1/tokens", ADMIN).post(body);
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.readEntity(JsonNode.class).get("message").asText()).contains("viewer");
  }

  @Test
  void audit_recordsRefusedAndAcceptedMutations() {
    postCommand(VIEWER, "{\"kind\":\"ping\",\"id\":\"audited-1\"}");
    postCommand(OPERATOR, "{\"kind\":\"ping\",\"id\":\"audited-2\"}");

    JsonNode audit = RESOURCES.target("/api/v1/audit").queryParam("limit", 1000)
        .request(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + ADMIN)
        .get().readEntity(JsonNode.class);
    assertThat(audit.findValuesAsText("outcome")).contains("forbidden", "ok");
    assertThat(audit.findValuesAsText("actor")).anyMatch(actor -> actor.startsWith("viewer"));
    assertThat(audit.findValuesAsText("action")).contains("POST /api/v1/nodes/n1/commands");
  }

  @Test
  void unknownPath_is404WithErrorShape() {
    Response response = request("/api/v1/nope", VIEWER).get();

    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(response.readEntity(JsonNode.class).get("error").asText()).isEqualTo("not-found");
  }

}
