package org.mtb.stack.launch;

import java.io.File;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
 * it depends on, Spring Boot's "application" layer) is loaded by a class loader of its own, outside the class path
 * that the JVM checks its archive against. A change to the project's code thus leaves the archive valid, and the next
 * start reads it instead of recording a new one. The own loader looks in its own jars first, for classes and resources
 * alike, so that the project's classes and files win over a library's of the same name, as they do with
 * {@code java -jar}; it is the context class loader, through which Spring, Jackson and Kafka find classes by name.
 *
 * <p>The own loader also defines most of the libraries' classes: the service's extracted jar names every library in its
 * manifest's {@code Class-Path}, which a {@link URLClassLoader} follows, so every class reached from the project's code
 * is found in the own loader's jars first (15,729 classes in review against 5 on the class path's loader). That is what
 * keeps the libraries working: some look for the project's classes and files through their own class loader (Spring's
 * {@code SpringFactoriesLoader} with no loader given, which reads {@code META-INF/spring.factories} for the platform's
 * settings, {@code ServiceDefaults}). With the libraries' classes left to the class path's loader those lookups miss the
 * project's code; tried, and the services started without the platform's settings (benchmarks/README.md). The JVM still
 * takes these classes from its archive, as classes of another loader whose bytes match the archived ones.
 *
 * <p>Arguments: the main class, the own jars (separated by {@link File#pathSeparator}), then the service's arguments.
 * This class needs the JDK alone; the stack keeps it in a jar of its own, rewritten only when its classes change (which
 * voids the archives once).
 */
public final class OwnCodeLauncher {

    private OwnCodeLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: OwnCodeLauncher <main class> <own jar>[" + File.pathSeparator
                    + "<own jar>...] [argument...]");
            System.exit(2);
        }
        List<URL> ownJars = new ArrayList<>();
        for (String path : args[1].split(File.pathSeparator)) {
            ownJars.add(new File(path).toURI().toURL());
        }
        ClassLoader own = new OwnCodeLoader(ownJars.toArray(URL[]::new), OwnCodeLauncher.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(own);
        MethodHandle main = MethodHandles.publicLookup().findStatic(Class.forName(args[0], false, own), "main",
                MethodType.methodType(void.class, String[].class));
        main.invokeExact(Arrays.copyOfRange(args, 2, args.length));
    }

    /** Own jars first, then the parent: what {@code java -jar} finds first, with the service's jar ahead. */
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
