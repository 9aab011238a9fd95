package org.mtb.stack.launch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The main class of a service's JVM as the local stack starts it. The JVM's class path holds the service's libraries,
 * whose classes its class-data archive keeps; the project's own code (the service's jar and the modules of this build
 * it depends on, Spring Boot's "application" layer) is loaded by a class loader of its own, outside the class path
 * that the JVM checks its archive against. A change to the project's code thus leaves the archive valid, and the next
 * start reads it instead of recording a new one. The own loader looks in its own jars first, for classes and resources
 * alike, so that the project's classes and files win over a library's of the same name, as they do with
 * {@code java -jar}; it is the context class loader, through which Spring, Jackson and Kafka find classes by name.
 *
 * <p>The own loader reads the entries of its own jars and nothing else: not the jars a manifest's {@code Class-Path}
 * names, which the service's extracted jar lists (all its libraries, as Boot's extraction writes it). A
 * {@link URLClassLoader} over the own jars follows that attribute, and so had found nearly every library class in the
 * libraries' jars and defined it itself (15,729 classes in review against 5 for the class path's loader): read from the
 * jar and defined through the own loader instead of taken from the archive by the class path's.
 *
 * <p>Arguments: the main class, the own jars (separated by {@link File#pathSeparator}), then the service's arguments.
 * This class needs the JDK alone; the stack keeps it in a jar of its own, rewritten only when its classes change (which
 * voids the archives once), so every class it needs is a member class of it.
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
        List<OwnJar> ownJars = new ArrayList<>();
        for (String path : args[1].split(File.pathSeparator)) {
            ownJars.add(OwnJar.open(new File(path)));
        }
        ClassLoader own = new OwnCodeLoader(ownJars, OwnCodeLauncher.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(own);
        MethodHandle main = MethodHandles.publicLookup().findStatic(Class.forName(args[0], false, own), "main",
                MethodType.methodType(void.class, String[].class));
        main.invokeExact(Arrays.copyOfRange(args, 2, args.length));
    }

    /** One of the own jars, open for the JVM's life, as a class loader keeps its jars. */
    private record OwnJar(JarFile file, URL url, CodeSource codeSource, Manifest manifest) {

        static OwnJar open(File path) throws IOException {
            JarFile file = new JarFile(path);
            URL url = path.toURI().toURL();
            Manifest manifest = file.getManifest();
            return new OwnJar(file, url, new CodeSource(url, (CodeSigner[]) null),
                    manifest == null ? new Manifest() : manifest);
        }

        byte[] read(String entry) throws IOException {
            JarEntry found = file.getJarEntry(entry);
            if (found == null) {
                throw new IOException(entry + " is not in " + file.getName());
            }
            try (InputStream in = file.getInputStream(found)) {
                return in.readAllBytes();
            }
        }

        /** A {@code jar:} URL of an entry, as a {@link URLClassLoader} gives it. */
        URL urlOf(String entry) {
            try {
                String path = new URI(null, null, "/" + entry, null).getRawPath();
                return URI.create("jar:" + url.toExternalForm() + "!" + path).toURL();
            } catch (URISyntaxException | IOException e) {
                throw new IllegalStateException("no URL for " + entry + " in " + url, e);
            }
        }
    }

    /** Own jars first, then the parent: what {@code java -jar} finds first, with the service's jar ahead. */
    static final class OwnCodeLoader extends URLClassLoader {

        static {
            ClassLoader.registerAsParallelCapable();
        }

        private final List<OwnJar> jars;
        /** Every entry of the own jars with the first jar holding it, in the order given. */
        private final Map<String, OwnJar> firstHolder = new HashMap<>();

        OwnCodeLoader(List<OwnJar> jars, ClassLoader parent) {
            super("own-code", new URL[0], parent);
            this.jars = List.copyOf(jars);
            for (OwnJar jar : this.jars) {
                jar.file().stream().forEach(entry -> firstHolder.putIfAbsent(entry.getName(), jar));
            }
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("java.") || !firstHolder.containsKey(classFile(name))) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            String entry = classFile(name);
            OwnJar jar = firstHolder.get(entry);
            if (jar == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] classFile;
            try {
                classFile = jar.read(entry);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
            int dot = name.lastIndexOf('.');
            if (dot > 0 && getDefinedPackage(name.substring(0, dot)) == null) {
                try {
                    definePackage(name.substring(0, dot), jar.manifest(), jar.url());
                } catch (IllegalArgumentException definedMeanwhile) {
                    // another thread defined the package first (a parallel-capable loader)
                }
            }
            return defineClass(name, classFile, 0, classFile.length, jar.codeSource());
        }

        @Override
        public URL findResource(String name) {
            OwnJar jar = firstHolder.get(name);
            return jar == null ? null : jar.urlOf(name);
        }

        @Override
        public Enumeration<URL> findResources(String name) {
            List<URL> found = new ArrayList<>();
            if (firstHolder.containsKey(name)) {
                for (OwnJar jar : jars) {
                    if (jar.file().getJarEntry(name) != null) {
                        found.add(jar.urlOf(name));
                    }
                }
            }
            return Collections.enumeration(found);
        }

        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : getParent().getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            List<URL> found = Collections.list(findResources(name));
            found.addAll(Collections.list(getParent().getResources(name)));
            return Collections.enumeration(found);
        }

        @Override
        public void close() throws IOException {
            for (OwnJar jar : jars) {
                jar.file().close();
            }
            super.close();
        }

        private static String classFile(String className) {
            return className.replace('.', '/').concat(".class");
        }
    }
}
