package se.samplan.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The container images of the five services, built by Jib in the build as docker-compose.yml runs
 * them. No registry is reachable here, so eclipse-temurin cannot be pulled: the base is an image
 * tarball made on this machine (src/test/images/base-image.sh: a jlink runtime of this JDK and the
 * libraries it loads), given to Jib as {@code tar://}. Everything above the base is what the
 * production build makes: the services' own Jib configuration (root pom.xml), run with
 * {@code jib:buildTar}, no Docker engine.
 * <p>
 * Each tarball is checked as an image (manifest, config, every layer's digest), for what compose
 * relies on (name, port, user, entrypoint) and for its content (the service's classes byte for byte,
 * exactly the dependencies Spring Boot packages), and then, as root, started: its layers unpacked
 * into a directory and its entrypoint run there in a chroot with its own mount and PID namespaces,
 * as a container runtime would.
 */
class ServiceImagesIT {

    private static final Path ROOT = Path.of(System.getProperty("samplan.root", "..")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target", "images").toAbsolutePath();
    private static final String VERSION = System.getProperty("samplan.version");
    private static final List<String> SERVICES = List.of("plan-service", "activity-service", "reporting-service",
            "notification-service", "gateway");
    private static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings("unchecked")
    private static final Map<String, Map<String, Object>> COMPOSE = (Map<String, Map<String, Object>>)
            new Yaml().<Map<String, Object>>load(read(ROOT.resolve("docker-compose.yml"))).get("services");

    @BeforeAll
    static void buildTheImages() throws Exception {
        Files.createDirectories(WORK);
        Path base = WORK.resolve("base-image.tar");
        Instant start = Instant.now();
        run(WORK.resolve("base-image.log"), Duration.ofMinutes(3),
                List.of("bash", ROOT.resolve("local-stack/src/test/images/base-image.sh").toString(), base.toString()));
        Instant based = Instant.now();
        for (String service : SERVICES) {
            Files.deleteIfExists(ROOT.resolve(service).resolve("target/jib-image.tar"));
            // What an earlier run unpacked. Its /proc and /dev were mounted only in the run's own mount
            // namespace; --one-file-system still keeps rm inside this file system.
            run(WORK.resolve("clean.log"), Duration.ofMinutes(1),
                    List.of("rm", "-rf", "--one-file-system", WORK.resolve(service).toString()));
        }
        // The services' Jib configuration as it is, with the base swapped, on what this build compiled and
        // packaged. A goal run without a lifecycle phase gets no jar from Maven 3's reactor, not even with -am,
        // so the libraries would come from the local repository: an older install, or none on a fresh machine.
        // The inner build's local repository therefore holds this build's own library jars and POMs, with the
        // outer build's local repository chained behind it read-only (maven.repo.local.tail): it installs
        // nothing there, and only what that lacks would be downloaded, into target. Testkit too: without its
        // POM the services' test-scoped subtree drops out of version mediation, and Jib would pick other
        // versions than the Boot jar has (org.jetbrains:annotations 13.0 instead of 17.0.0).
        Path repository = WORK.resolve("m2");
        run(WORK.resolve("clean.log"), Duration.ofMinutes(1),
                List.of("rm", "-rf", repository.resolve("se/samplan").toString()));
        stage(repository, "samplan", "pom", ROOT.resolve("pom.xml"));
        for (Map.Entry<String, String> library : Map.of("events", "samplan-events", "testkit", "samplan-testkit").entrySet()) {
            stage(repository, library.getValue(), "pom", ROOT.resolve(library.getKey()).resolve("pom.xml"));
            stage(repository, library.getValue(), "jar", packaged(library.getKey(), library.getValue()));
        }
        String outerRepository = System.getProperty("samplan.maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        List<String> maven = new ArrayList<>(List.of(ROOT.resolve("mvnw").toString(), "-B", "-q",
                "-f", ROOT.resolve("pom.xml").toString(), "-pl", String.join(",", SERVICES),
                "-Dmaven.repo.local=" + repository, "-Dmaven.repo.local.tail=" + outerRepository,
                "com.google.cloud.tools:jib-maven-plugin:buildTar", "-Djib.from.image=tar://" + base));
        if ("offline=true".equals(System.getProperty("samplan.maven.offline"))) {
            maven.add("-o");
        }
        run(WORK.resolve("jib.log"), Duration.ofMinutes(8), maven);
        System.out.printf("ServiceImagesIT: base image %d s, Jib for %d services %d s%n",
                Duration.between(start, based).toSeconds(), SERVICES.size(), Duration.between(based, Instant.now()).toSeconds());
    }

    @Test
    void everyTarballIsAValidImageNamedAndPortedAsComposeRunsIt() throws Exception {
        for (String service : SERVICES) {
            Image image = Image.open(service);
            assertThat(image.repoTags()).as(service).containsExactly((String) COMPOSE.get(service).get("image"));
            assertThat(image.repoTags()).containsExactly("samplan/" + service + ":" + VERSION);
            JsonNode config = image.config();
            assertThat(config.path("os").asText()).isEqualTo("linux");
            assertThat(config.path("architecture").asText()).isEqualTo("amd64");
            // Every layer is what the config says it is: the digest of its uncompressed content.
            List<String> diffIds = new ArrayList<>();
            config.path("rootfs").path("diff_ids").forEach(id -> diffIds.add(id.asText()));
            assertThat(diffIds).hasSameSizeAs(image.layers()).hasSizeGreaterThanOrEqualTo(3);
            for (int i = 0; i < diffIds.size(); i++) {
                assertThat(image.diffId(image.layers().get(i))).as("%s layer %d", service, i).isEqualTo(diffIds.get(i));
            }
            // What compose relies on: the port it reaches the service on, and not running as root.
            String port = String.valueOf(((Map<?, ?>) COMPOSE.get(service).get("environment")).get("PORT"));
            assertThat(fieldNames(config.path("config").path("ExposedPorts"))).as(service).containsExactly(port + "/tcp");
            assertThat(read(ROOT.resolve(service).resolve("src/main/resources/application.yml"))).contains("${PORT:" + port + "}");
            assertThat(config.path("config").path("User").asText()).isEqualTo("1000");
        }
    }

    @Test
    void theEntrypointRunsTheServicesMainClassFromItsClassesAndDependencies() throws Exception {
        for (String service : SERVICES) {
            Image image = Image.open(service);
            String mainClass = startClass(service);
            List<String> entrypoint = new ArrayList<>();
            image.config().path("config").path("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
            assertThat(entrypoint).as(service)
                    .containsExactly("java", "-XX:MaxRAMPercentage=75", "-cp", "@/app/jib-classpath-file", mainClass);

            Map<String, byte[]> files = image.files();
            assertThat(files).containsKey("opt/java/openjdk/bin/java");
            // The service's own classes and resources, byte for byte as this build compiled them.
            Path classes = ROOT.resolve(service).resolve("target/classes");
            int compared = 0;
            try (Stream<Path> walk = Files.walk(classes)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    String path = classes.relativize(file).toString().replace('\\', '/');
                    String inImage = (path.endsWith(".class") ? "app/classes/" : "app/resources/") + path;
                    assertThat(files).as("%s has %s", service, inImage).containsKey(inImage);
                    assertThat(files.get(inImage)).as(inImage).isEqualTo(Files.readAllBytes(file));
                    compared++;
                }
            }
            assertThat(files).containsKey("app/classes/" + mainClass.replace('.', '/') + ".class");
            assertThat(compared).isGreaterThan(10);
            // The runtime dependencies Spring Boot packages in the service's jar, and besides them only the
            // starters, which Boot leaves out as they hold no code (just a manifest).
            Set<String> libs = files.keySet().stream().filter(name -> name.startsWith("app/libs/"))
                    .map(name -> name.substring("app/libs/".length())).collect(Collectors.toCollection(TreeSet::new));
            Set<String> bootLibs = bootLibs(service);
            assertThat(libs).as(service).containsAll(bootLibs);
            assertThat(libs.stream().filter(lib -> !bootLibs.contains(lib))).as(service)
                    .allSatisfy(lib -> assertThat(lib).startsWith("spring-boot-starter"));
            String events = "samplan-events-" + VERSION + ".jar";
            if (libs.contains(events)) {
                assertThat(files.get("app/libs/" + events)).as("%s: samplan-events as this build made it", service)
                        .isEqualTo(Files.readAllBytes(packaged("events", "samplan-events")));
            }
            assertThat(new String(files.get("app/jib-classpath-file")).trim().split(":"))
                    .contains("/app/classes", "/app/resources")
                    .hasSize(libs.size() + 2);
        }
    }

    /**
     * The images run: each one's layers unpacked in order, its entrypoint started as user 1000 with the
     * image's environment and compose's variables, in a chroot with its own /proc (as in a container).
     * A service with a database fails exactly at the database (nothing listens where it points), after
     * Spring Boot started its application from the image's classes on the image's Java; the gateway, which
     * has none, starts and answers its health endpoint.
     */
    @Test
    void asRootEveryImageStartsItsServiceInAChroot() throws Exception {
        assumeThat(new ProcessBuilder("id", "-u").start().inputReader().readLine()).as("needs root for chroot").isEqualTo("0");
        for (String service : SERVICES) {
            Image image = Image.open(service);
            Path rootfs = image.unpack(WORK.resolve(service).resolve("rootfs"));
            int port = Ports.free(1).get(0);
            Map<String, String> env = new LinkedHashMap<>();
            image.config().path("config").path("Env").forEach(pair -> {
                String[] kv = pair.asText().split("=", 2);
                env.put(kv[0], kv[1]);
            });
            // As docker-compose.yml sets it, but the port free here and nothing where the database and Kafka are.
            ((Map<?, ?>) COMPOSE.get(service).get("environment")).forEach((name, value) ->
                    env.put(name.toString(), String.valueOf(value).replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1")));
            env.put("PORT", String.valueOf(port));
            env.computeIfPresent("DATABASE_URL", (name, url) -> url.replace("postgres:5432", "127.0.0.1:1"));
            env.computeIfPresent("KAFKA_BOOTSTRAP", (name, servers) -> "127.0.0.1:1");

            // The image's environment only (the tools outside the chroot are called by their paths).
            List<String> command = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--pid", "--fork", "--kill-child",
                    "/bin/sh", "-c", "/usr/bin/mount -t proc proc \"$0/proc\" && /usr/bin/mount --rbind /dev \"$0/dev\""
                            + " && exec /usr/sbin/chroot --userspec=1000:1000 \"$0\" \"$@\"",
                    rootfs.toString()));
            image.config().path("config").path("Entrypoint").forEach(part -> command.add(part.asText()));
            Path log = WORK.resolve(service).resolve("run.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            try {
                String mainClass = startClass(service);
                String simpleName = mainClass.substring(mainClass.lastIndexOf('.') + 1);
                if (service.equals("gateway")) {
                    awaitLog(process, log, "Started " + simpleName, Duration.ofSeconds(90));
                    HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(health.body()).as("gateway health").contains("\"UP\"");
                } else {
                    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("%s stops at the missing database", service).isTrue();
                    assertThat(process.exitValue()).isNotZero();
                }
                String output = read(log);
                assertThat(output).as(service)
                        .containsPattern("Starting " + simpleName + " using Java 17[.0-9]* with PID \\d+"
                                + " \\(/app/classes started by app in /\\)");
                if (!service.equals("gateway")) {
                    assertThat(output).as(service).contains("Connection to 127.0.0.1:1 refused");
                }
            } finally {
                // The service itself first: chroot --userspec changes its user, which clears the death
                // signal --kill-child set, so it would outlive unshare (a gateway kept running after CI).
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroy();
                process.waitFor(20, TimeUnit.SECONDS);
                process.destroyForcibly();
            }
        }
    }

    private static void awaitLog(Process process, Path log, String line, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!read(log).contains(line)) {
            assertThat(process.isAlive()).as("still running, log:%n%s", read(log)).isTrue();
            assertThat(Instant.now()).as("'%s' within %s, log:%n%s", line, timeout, read(log)).isBefore(deadline);
            Thread.sleep(250);
        }
    }

    /** A library's jar as this build packaged it (the test runs after the reactor's package phase). */
    private static Path packaged(String module, String artifactId) {
        Path jar = ROOT.resolve(module).resolve("target").resolve(artifactId + "-" + VERSION + ".jar");
        assertThat(jar).as("this build packaged %s (run local-stack with -am)", artifactId).isRegularFile();
        return jar;
    }

    /** Puts a file of this build into a local repository's layout, as an install would (group se.samplan). */
    private static void stage(Path repository, String artifactId, String extension, Path file) throws IOException {
        Path dir = repository.resolve("se/samplan").resolve(artifactId).resolve(VERSION);
        Files.createDirectories(dir);
        Files.copy(file, dir.resolve(artifactId + "-" + VERSION + "." + extension), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The main class Spring Boot's own packaging found for the service. */
    private static String startClass(String service) throws IOException {
        try (JarFile jar = new JarFile(bootJar(service).toFile())) {
            return jar.getManifest().getMainAttributes().getValue("Start-Class");
        }
    }

    private static Set<String> bootLibs(String service) throws IOException {
        try (JarFile jar = new JarFile(bootJar(service).toFile())) {
            return jar.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("BOOT-INF/lib/".length()))
                    .filter(name -> !name.startsWith("spring-boot-jarmode-tools-")) // Boot's layertools, not a dependency
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Path bootJar(String service) {
        return ROOT.resolve(service).resolve("target").resolve(service + "-" + VERSION + ".jar");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void run(Path log, Duration timeout, List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " took longer than " + timeout + ":\n" + tail(log));
        }
        assertThat(process.exitValue()).as("%s failed:%n%s", String.join(" ", command), tail(log)).isZero();
    }

    private static String tail(Path log) {
        String text = read(log);
        return text.substring(Math.max(0, text.length() - 6000));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An image tarball as `docker save` and Jib write it: manifest.json, the config, one gzipped tar per layer. */
    private record Image(Path dir, JsonNode manifest) {

        static Image open(String service) throws Exception {
            Path tarball = ROOT.resolve(service).resolve("target/jib-image.tar");
            assertThat(tarball).as("Jib wrote %s", tarball).isRegularFile();
            Path dir = WORK.resolve(service).resolve("tarball");
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                run(WORK.resolve(service).resolve("untar.log"), Duration.ofMinutes(1),
                        List.of("tar", "-xf", tarball.toString(), "-C", dir.toString()));
            }
            JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile());
            assertThat(manifest.size()).as("%s holds one image", service).isEqualTo(1);
            return new Image(dir, manifest.get(0));
        }

        List<String> repoTags() {
            List<String> tags = new ArrayList<>();
            manifest.path("RepoTags").forEach(tag -> tags.add(tag.asText()));
            return tags;
        }

        List<String> layers() {
            List<String> layers = new ArrayList<>();
            manifest.path("Layers").forEach(layer -> layers.add(layer.asText()));
            return layers;
        }

        JsonNode config() throws IOException {
            return JSON.readTree(dir.resolve(manifest.path("Config").asText()).toFile());
        }

        String diffId(String layer) throws Exception {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(new GZIPInputStream(Files.newInputStream(dir.resolve(layer))), sha256)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return "sha256:" + HexFormat.of().formatHex(sha256.digest());
        }

        /** Every regular file of the image (a later layer's file replaces an earlier one's), by path without the leading slash. */
        Map<String, byte[]> files() throws Exception {
            Path unpacked = unpack(dir.resolveSibling("rootfs"));
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (Stream<Path> walk = Files.walk(unpacked)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    String name = unpacked.relativize(file).toString().replace('\\', '/');
                    files.put(name, name.startsWith("app/") ? Files.readAllBytes(file) : new byte[0]);
                }
            }
            return files;
        }

        /** The layers extracted in order into a directory, as a container runtime lays out the root file system. */
        Path unpack(Path target) throws Exception {
            if (Files.isDirectory(target.resolve("app"))) {
                return target;
            }
            Files.createDirectories(target);
            for (String layer : layers()) {
                run(target.resolveSibling(target.getFileName() + "-untar.log"), Duration.ofMinutes(1),
                        List.of("tar", "-xzf", dir.resolve(layer).toString(), "-C", target.toString(), "--no-same-owner"));
            }
            Files.createDirectories(target.resolve("proc"));
            Files.createDirectories(target.resolve("dev"));
            return target;
        }
    }
}
