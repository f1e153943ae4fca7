# abilitymap as a container image: built with the Maven wrapper, run on a JRE. docker-compose.yml uses it.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml schema.graphqls ./
COPY cypher cypher
COPY src src
RUN ./mvnw -q -B -DskipTests package && cp target/abilitymap-*.jar /abilitymap.jar

FROM eclipse-temurin:17-jre
COPY --from=build /abilitymap.jar /app/abilitymap.jar
COPY src/main/resources/demo /app/demo
WORKDIR /app
# The heap the application is sized for (README, "Settings"); override with -e JDK_JAVA_OPTIONS=-Xmx2g.
ENV JDK_JAVA_OPTIONS=-Xmx1g
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/abilitymap.jar"]
