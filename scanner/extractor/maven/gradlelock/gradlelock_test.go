package gradlelock

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

const (
	req  = inventory.ScopeRequired
	dev  = inventory.ScopeDev
	test = inventory.ScopeTest
)

// pkg is the package a lockfile line gives: coords "group:artifact:version".
func pkg(coords, scope, confs string) inventory.Package {
	f := strings.Split(coords, ":")
	p := inventory.Package{
		Name:      f[0] + ":" + f[1],
		Version:   f[2],
		Ecosystem: "maven",
		PURL:      fmt.Sprintf("pkg:maven/%s/%s@%s", f[0], f[1], f[2]),
		Scope:     scope,
	}
	if confs != "" {
		p.Properties = []inventory.Property{{Name: "configurations", Value: confs}}
	}
	return p
}

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"gradle.lockfile":                                            true,
		"app/gradle.lockfile":                                        true,
		"buildscript-gradle.lockfile":                                true,
		"lib/settings-gradle.lockfile":                               true,
		"gradle/dependency-locks/compileClasspath.lockfile":          true,
		"sub/gradle/dependency-locks/buildscript-classpath.lockfile": true,
		"gradle.lockfile.bak":                                        false,
		"mygradle.lockfile":                                          false,
		"gradle.lock":                                                false,
		"gradle.lockfile/x":                                          false,
		"dependency-locks/compileClasspath.lockfile":                 false,
		"gradle/dependency-locks/README.md":                          false,
		"gradle/dependency-locks/.lockfile":                          false,
		"notgradle/dependency-locks/compileClasspath.lockfile":       false,
		"gradle/dependency-locks/sub/compileClasspath.lockfile":      false,
		"build.gradle":                                               false,
		"gradle/verification-metadata.xml":                           false,
	})
}

func TestExtract(t *testing.T) {
	all := "compileClasspath,productionRuntimeClasspath,runtimeClasspath,testCompileClasspath,testRuntimeClasspath"
	tests := "testCompileClasspath,testRuntimeClasspath"
	std := "compileClasspath,runtimeClasspath,testCompileClasspath,testRuntimeClasspath"
	kc := "kotlinCompilerClasspath,kotlinKlibCommonizerClasspath"
	kp := "kotlinCompilerPluginClasspathMain,kotlinCompilerPluginClasspathTest"
	for _, tc := range []struct {
		name, file string
		want       []inventory.Package
	}{{
		// Gradle 8, a Spring Boot application.
		name: "gradle8",
		file: "spring/gradle.lockfile",
		want: []inventory.Package{
			pkg("ch.qos.logback:logback-classic:1.4.14", req, all),
			pkg("ch.qos.logback:logback-core:1.4.14", req, all),
			pkg("com.fasterxml.jackson.core:jackson-annotations:2.15.4", req, all),
			pkg("com.fasterxml.jackson.core:jackson-core:2.15.4", req, all),
			pkg("com.fasterxml.jackson.core:jackson-databind:2.15.4", req, all),
			pkg("com.h2database:h2:2.2.224", req, "productionRuntimeClasspath,runtimeClasspath,testRuntimeClasspath"),
			pkg("io.micrometer:micrometer-commons:1.12.5", req, all),
			pkg("io.micrometer:micrometer-observation:1.12.5", req, all),
			pkg("jakarta.annotation:jakarta.annotation-api:2.1.1", req, all),
			pkg("net.bytebuddy:byte-buddy:1.14.13", test, tests),
			pkg("org.apache.tomcat.embed:tomcat-embed-core:10.1.20", req, all),
			pkg("org.assertj:assertj-core:3.24.2", test, tests),
			pkg("org.junit.jupiter:junit-jupiter-api:5.10.2", test, tests),
			pkg("org.junit.jupiter:junit-jupiter-engine:5.10.2", test, "testRuntimeClasspath"),
			pkg("org.junit.jupiter:junit-jupiter-params:5.10.2", test, tests),
			pkg("org.junit.jupiter:junit-jupiter:5.10.2", test, tests),
			pkg("org.junit.platform:junit-platform-launcher:1.10.2", test, "testRuntimeClasspath"),
			pkg("org.junit:junit-bom:5.10.2", test, tests),
			pkg("org.mapstruct:mapstruct-processor:1.5.5.Final", dev, "annotationProcessor"),
			pkg("org.mapstruct:mapstruct:1.5.5.Final", req, "annotationProcessor,"+all),
			pkg("org.mockito:mockito-core:5.7.0", test, tests),
			// compileOnly: on the compile classpath, so required.
			pkg("org.projectlombok:lombok:1.18.32", req, "annotationProcessor,compileClasspath"),
			pkg("org.slf4j:slf4j-api:2.0.13", req, all),
			pkg("org.springframework.boot:spring-boot-autoconfigure:3.2.5", req, all),
			// The Spring Boot plugin puts developmentOnly on the runtime
			// classpath (bootRun), not on the production one.
			pkg("org.springframework.boot:spring-boot-devtools:3.2.5", req, "developmentOnly,runtimeClasspath"),
			pkg("org.springframework.boot:spring-boot-starter-test:3.2.5", test, tests),
			pkg("org.springframework.boot:spring-boot-starter-web:3.2.5", req, all),
			pkg("org.springframework.boot:spring-boot-starter:3.2.5", req, all),
			pkg("org.springframework.boot:spring-boot-test:3.2.5", test, tests),
			pkg("org.springframework.boot:spring-boot:3.2.5", req, all),
			pkg("org.springframework:spring-core:6.1.6", req, all),
			pkg("org.springframework:spring-web:6.1.6", req, all),
			pkg("org.springframework:spring-webmvc:6.1.6", req, all),
			pkg("org.yaml:snakeyaml:2.2", req, all),
		},
	}, {
		// Gradle 7, a Kotlin library with detekt: compiler and tool
		// classpaths are dev.
		name: "gradle7_kotlin",
		file: "kotlin/gradle.lockfile",
		want: []inventory.Package{
			pkg("com.beust:jcommander:1.82", dev, "detekt"),
			pkg("io.gitlab.arturbosch.detekt:detekt-cli:1.23.6", dev, "detekt"),
			pkg("org.jetbrains.intellij.deps:trove4j:1.0.20200330", dev, kc),
			pkg("org.jetbrains.kotlin:kotlin-compiler-embeddable:1.9.23", dev, kc),
			pkg("org.jetbrains.kotlin:kotlin-daemon-embeddable:1.9.23", dev, kc),
			pkg("org.jetbrains.kotlin:kotlin-script-runtime:1.9.23", dev, "kotlinCompilerClasspath,"+kp+",kotlinKlibCommonizerClasspath"),
			pkg("org.jetbrains.kotlin:kotlin-scripting-common:1.9.23", dev, kp),
			pkg("org.jetbrains.kotlin:kotlin-scripting-compiler-embeddable:1.9.23", dev, kp),
			pkg("org.jetbrains.kotlin:kotlin-scripting-compiler-impl-embeddable:1.9.23", dev, kp),
			pkg("org.jetbrains.kotlin:kotlin-scripting-jvm:1.9.23", dev, kp),
			pkg("org.jetbrains.kotlin:kotlin-stdlib:1.9.23", req, "compileClasspath,kotlinCompilerClasspath,"+kp+",kotlinKlibCommonizerClasspath,runtimeClasspath,testCompileClasspath,testRuntimeClasspath"),
			pkg("org.jetbrains.kotlin:kotlin-test-junit5:1.9.23", test, tests),
			pkg("org.jetbrains.kotlin:kotlin-test:1.9.23", test, tests),
			pkg("org.jetbrains.kotlinx:kotlinx-coroutines-core-jvm:1.8.0", req, std),
			pkg("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.8.0", req, std),
			pkg("org.jetbrains:annotations:13.0", req, "compileClasspath,"+kc+",runtimeClasspath,testCompileClasspath,testRuntimeClasspath"),
			pkg("org.junit.jupiter:junit-jupiter-api:5.10.1", test, tests),
			pkg("org.junit.jupiter:junit-jupiter-engine:5.10.1", test, "testRuntimeClasspath"),
			pkg("org.opentest4j:opentest4j:1.3.0", test, tests),
		},
	}, {
		name: "buildscript",
		file: "kotlin/buildscript-gradle.lockfile",
		want: []inventory.Package{
			pkg("com.google.gradle:osdetector-gradle-plugin:1.7.3", dev, "buildscript-classpath"),
			pkg("com.google.protobuf:protobuf-gradle-plugin:0.9.4", dev, "buildscript-classpath"),
			pkg("kr.motd.maven:os-maven-plugin:1.7.1", dev, "buildscript-classpath"),
		},
	}, {
		name: "settings",
		file: "kotlin/settings-gradle.lockfile",
		want: []inventory.Package{
			pkg("com.google.code.gson:gson:2.9.1", dev, "settings-classpath"),
			pkg("com.gradle:develocity-gradle-plugin:3.17.2", dev, "settings-classpath"),
			pkg("org.gradle.toolchains:foojay-resolver:0.8.0", dev, "settings-classpath"),
		},
	}, {
		// Gradle 4.8 to 5: one file per configuration.
		name: "legacy_compile",
		file: "legacy/gradle/dependency-locks/compileClasspath.lockfile",
		want: []inventory.Package{
			pkg("com.google.code.findbugs:jsr305:3.0.2", req, "compileClasspath"),
			pkg("com.google.guava:failureaccess:1.0.1", req, "compileClasspath"),
			pkg("com.google.guava:guava:27.0.1-jre", req, "compileClasspath"),
			pkg("com.google.guava:listenablefuture:9999.0-empty-to-avoid-conflict-with-guava", req, "compileClasspath"),
			pkg("org.checkerframework:checker-qual:2.5.2", req, "compileClasspath"),
		},
	}, {
		name: "legacy_test",
		file: "legacy/gradle/dependency-locks/testRuntimeClasspath.lockfile",
		want: []inventory.Package{
			pkg("com.google.code.findbugs:jsr305:3.0.2", test, "testRuntimeClasspath"),
			pkg("com.google.guava:failureaccess:1.0.1", test, "testRuntimeClasspath"),
			pkg("com.google.guava:guava:27.0.1-jre", test, "testRuntimeClasspath"),
			pkg("com.google.guava:listenablefuture:9999.0-empty-to-avoid-conflict-with-guava", test, "testRuntimeClasspath"),
			pkg("junit:junit:4.12", test, "testRuntimeClasspath"),
			pkg("org.checkerframework:checker-qual:2.5.2", test, "testRuntimeClasspath"),
			pkg("org.hamcrest:hamcrest-core:1.3", test, "testRuntimeClasspath"),
		},
	}, {
		name: "legacy_buildscript",
		file: "legacy/gradle/dependency-locks/buildscript-classpath.lockfile",
		want: []inventory.Package{
			pkg("com.github.ben-manes:gradle-versions-plugin:0.21.0", dev, "buildscript-classpath"),
		},
	}, {
		// A locked configuration that resolves nothing: the header only.
		name: "legacy_empty",
		file: "legacy/gradle/dependency-locks/annotationProcessor.lockfile",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata", tc.file, tc.want)
		})
	}
}

func TestConfScope(t *testing.T) {
	for conf, want := range map[string]string{
		"compileClasspath":                    req,
		"runtimeClasspath":                    req,
		"releaseRuntimeClasspath":             req,
		"debugCompileClasspath":               req,
		"productionRuntimeClasspath":          req,
		"compile":                             req,
		"runtime":                             req,
		"default":                             req,
		"testCompileClasspath":                test,
		"testRuntimeClasspath":                test,
		"integrationTestRuntimeClasspath":     test,
		"debugAndroidTestRuntimeClasspath":    test,
		"debugUnitTestCompileClasspath":       test,
		"testFixturesRuntimeClasspath":        test,
		"testAnnotationProcessor":             test,
		"annotationProcessor":                 dev,
		"integrationAnnotationProcessor":      dev,
		"kapt":                                dev,
		"kaptClasspath_kaptKotlin":            dev,
		"kspKotlinProcessorClasspath":         dev,
		"kotlinCompilerClasspath":             dev,
		"kotlinCompilerPluginClasspathMain":   dev,
		"kotlinNativeCompilerPluginClasspath": dev,
		"kotlinKlibCommonizerClasspath":       dev,
		"kotlinBuildToolsApiClasspath":        dev,
		"checkstyle":                          dev,
		"pmdAux":                              dev,
		"spotbugsPlugins":                     dev,
		"jacocoAgent":                         dev,
		"detektPlugins":                       dev,
		"ktlint":                              dev,
		"errorprone":                          dev,
		"lintChecks":                          dev,
		"codenarc":                            dev,
		"dokkaHtmlPlugin":                     dev,
		"antlr":                               dev,
		"developmentOnly":                     dev,
		"classpath":                           dev,
		"buildscript-classpath":               dev,
		"shadow":                              "",
		"jmh":                                 "",
		"compileOnlyDependenciesMetadata":     "",
	} {
		if got := confScope(conf); got != want {
			t.Errorf("confScope(%q) = %q, want %q", conf, got, want)
		}
	}
}

func TestScopeOf(t *testing.T) {
	for _, tc := range []struct {
		confs string
		build bool
		want  string
	}{
		{"", false, ""},
		{"testRuntimeClasspath", false, test},
		{"annotationProcessor,testRuntimeClasspath", false, dev},
		{"shadow,testRuntimeClasspath", false, ""},
		{"shadow,annotationProcessor", false, ""},
		{"shadow,runtimeClasspath", false, req},
		{"runtimeClasspath", true, dev},
	} {
		if got := scopeOf(tc.confs, tc.build); got != tc.want {
			t.Errorf("scopeOf(%q, %v) = %q, want %q", tc.confs, tc.build, got, tc.want)
		}
	}
}

func TestLines(t *testing.T) {
	const header = "# This is a Gradle generated file for dependency locking.\n# Manual edits can break the build and are not advised.\n# This file is expected to be part of source control.\n"
	for _, tc := range []struct {
		name, path, content string
		want                []inventory.Package
		wantErr             string
	}{
		{name: "crlf", path: "gradle.lockfile", content: strings.ReplaceAll(header+"a:b:1=runtimeClasspath\nempty=\n", "\n", "\r\n"),
			want: []inventory.Package{pkg("a:b:1", req, "runtimeClasspath")}},
		{name: "no_trailing_newline", path: "gradle.lockfile", content: header + "a:b:1=runtimeClasspath",
			want: []inventory.Package{pkg("a:b:1", req, "runtimeClasspath")}},
		{name: "unknown_configuration", path: "gradle.lockfile", content: header + "a:b:1=shadow\n",
			want: []inventory.Package{pkg("a:b:1", "", "shadow")}},
		// A legacy line in a Gradle 6 lockfile: no configuration known.
		{name: "no_configurations", path: "gradle.lockfile", content: header + "a:b:1\n",
			want: []inventory.Package{pkg("a:b:1", "", "")}},
		{name: "empty_configurations", path: "gradle.lockfile", content: header + "a:b:1=\n",
			want: []inventory.Package{pkg("a:b:1", "", "")}},
		{name: "spaced_configurations", path: "gradle.lockfile", content: header + "a:b:1 = testRuntimeClasspath, ,runtimeClasspath,\n",
			want: []inventory.Package{pkg("a:b:1", req, "testRuntimeClasspath,runtimeClasspath")}},
		{name: "empty_file", path: "gradle.lockfile", content: ""},
		{name: "empty_line_only", path: "gradle.lockfile", content: header + "empty=annotationProcessor,compileClasspath\n"},
		{name: "duplicate", path: "gradle.lockfile", content: header + "a:b:1=runtimeClasspath\na:b:1=testRuntimeClasspath\n",
			want: []inventory.Package{{Name: "a:b", Version: "1", Ecosystem: "maven", PURL: "pkg:maven/a/b@1", Scope: req,
				Properties: []inventory.Property{{Name: "configurations", Value: "runtimeClasspath"}, {Name: "configurations", Value: "testRuntimeClasspath"}}}}},
		{name: "bad_lines", path: "gradle.lockfile",
			content: header + "a:b:1=runtimeClasspath\nnot a coordinate\na:b=runtimeClasspath\na:b:c:d=runtimeClasspath\n:b:1=x\nc:d:2=testRuntimeClasspath\n",
			want:    []inventory.Package{pkg("a:b:1", req, "runtimeClasspath"), pkg("c:d:2", test, "testRuntimeClasspath")},
			wantErr: `parse "gradle.lockfile": line 5: "not a coordinate" is not group:artifact:version
line 6: "a:b" is not group:artifact:version
line 7: "a:b:c:d" is not group:artifact:version
line 8: ":b:1" is not group:artifact:version`},
		{name: "line_too_long", path: "gradle.lockfile", content: header + "a:b:1=runtimeClasspath\n" + "c:d:" + strings.Repeat("9", maxLine) + "\n",
			want:    []inventory.Package{pkg("a:b:1", req, "runtimeClasspath")},
			wantErr: `parse "gradle.lockfile": line 5: bufio.Scanner: token too long`},
		{name: "truncated", path: "gradle.lockfile", content: header + "a:b:1=runtimeClasspath\nc:d",
			want:    []inventory.Package{pkg("a:b:1", req, "runtimeClasspath")},
			wantErr: `parse "gradle.lockfile": line 5: "c:d" is not group:artifact:version`},
		{name: "binary", path: "gradle.lockfile", content: "\x00\x01\x02:\xff:\xfe\na b:c:1\n",
			wantErr: `parse "gradle.lockfile": line 1: "\x00\x01\x02:\xff:\xfe" is not group:artifact:version
line 2: "a b:c:1" is not group:artifact:version`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, tc.path, []byte(tc.content), nil)
			if gotErr := fmt.Sprint(err); (err != nil || tc.wantErr != "") && gotErr != tc.wantErr {
				t.Errorf("err = %v, want %q", err, tc.wantErr)
			}
			if d := extractortest.Diff(tc.want, got); d != "" {
				t.Errorf("Extract diff (-want +got):\n%s", d)
			}
		})
	}
}
