package org.mtb.stack.launch;

import java.io.File;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The main class of a service's JVM as the local stack starts it. The JVM's class path holds the service's libraries,
 * whose classes its class-data archive keeps; the project's own code (the service's jar and the modules of this build
 * it depends on, Spring Boot's "application" layer) is appended to the same loader once the JVM runs, after it has
 * checked its archive against the class path. A change to the project's code thus leaves the archive valid, and the
 * next start reads it instead of recording a new one; the project's classes are not in the archive (a JVM recording
 * one leaves out classes from a place its class path did not name at start).
 *
 * <p>One loader for the libraries and the project's code, as on a flat class path with the project's jars last: some
 * libraries look for the project's classes and files through their own class loader (Spring's
 * {@code SpringFactoriesLoader} with no loader given, which reads {@code META-INF/spring.factories} for the platform's
 * settings, {@code ServiceDefaults}). The project's jars and its libraries share only names read as lists (the
 * factories, auto-configuration imports, the manifest), so their order changes nothing that is loaded.
 *
 * <p>The append is what a Java agent does through {@code Instrumentation.appendToSystemClassLoaderSearch}, here called
 * on the class path's loader itself, which its package opened to the launcher allows: the stack starts the launcher
 * with {@code java -jar} from a jar whose manifest says {@code Add-Opens: }{@value #ADD_OPENS}. Without that opening,
 * or on a JDK whose loader has no such method, the launcher loads the own jars with a loader of its own
 * ({@link OwnCodeLoader}), as it did before, and says so in a line on standard error (the part's log): that loader
 * follows the service's jar's {@code Class-Path}, which names every library, so it defines nearly every library class
 * itself, read from the jar, and a start reads little of its archive (benchmarks/README.md, "The own code's loader").
 *
 * <p>Arguments: the main class, the own jars (separated by {@link File#pathSeparator}), then the service's arguments.
 * This class needs the JDK alone; the stack keeps it in a jar of its own, rewritten only when its classes change (which
 * voids the archives once).
 */
public final class OwnCodeLauncher {

    /**
     * The package to open to the launcher, as its jar's manifest names it ({@code Add-Opens}), so that it can append
     * the own jars to the class path's loader.
     */
    public static final String ADD_OPENS = "java.base/jdk.internal.loader";

    private OwnCodeLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: OwnCodeLauncher <main class> <own jar>[" + File.pathSeparator
                    + "<own jar>...] [argument...]");
            System.exit(2);
        }
        List<String> ownJars = List.of(args[1].split(File.pathSeparator));
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        if (!appendedToTheClassPath(loader, ownJars)) {
            System.err.println("[own-code-launcher] the project's jars have a loader of their own: " + ADD_OPENS
                    + " is not open to the launcher (started without java -jar and its jar's Add-Opens) or this JDK's"
                    + " class path loader cannot be appended to; the libraries' classes are then read from their jars,"
                    + " not from the class archive");
            List<URL> urls = new ArrayList<>();
            for (String path : ownJars) {
                urls.add(new File(path).toURI().toURL());
            }
            loader = new OwnCodeLoader(urls.toArray(URL[]::new), OwnCodeLauncher.class.getClassLoader());
        }
        Thread.currentThread().setContextClassLoader(loader);
        MethodHandle main = MethodHandles.publicLookup().findStatic(Class.forName(args[0], false, loader), "main",
                MethodType.methodType(void.class, String[].class));
        main.invokeExact(Arrays.copyOfRange(args, 2, args.length));
    }

    /**
     * Appends the own jars to the class path's loader, as an agent would ({@code Instrumentation
     * .appendToSystemClassLoaderSearch}): after the JVM has checked its archive against the class path, so the archive
     * does not depend on them, and with the libraries in one loader with the project's code. Needs {@value #ADD_OPENS}
     * open to this class; without it (or on a JDK whose loader has no such method) nothing is appended and {@code false}
     * is returned.
     */
    static boolean appendedToTheClassPath(ClassLoader system, List<String> jars) {
        Method append;
        try {
            append = system.getClass().getDeclaredMethod("appendToClassPathForInstrumentation", String.class);
            append.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException notOpen) {
            return false;
        }
        try {
            for (String jar : jars) {
                append.invoke(system, jar);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not append " + jars + " to the class path", e);
        }
        return true;
    }

    /** The fallback: own jars first, then the parent, as {@code java -jar} finds them, with the service's jar ahead. */
    static final class OwnCodeLoader extends URLClassLoader {

        static {
            ClassLoader.registerAsParallelCapable();
        }

        OwnCodeLoader(URL[] ownJars, ClassLoader parent) {
            super("own-code", ownJars, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("java.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    // Asked first, so that a library's class (most names asked for) costs no exception here.
                    if (findResource(name.replace('.', '/') + ".class") == null) {
                        return super.loadClass(name, resolve);
                    }
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            List<URL> found = Collections.list(findResources(name));
            found.addAll(Collections.list(getParent().getResources(name)));
            return Collections.enumeration(found);
        }
    }
}
