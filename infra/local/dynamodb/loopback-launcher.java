// Starts DynamoDB Local (Amazon's emulator) bound to 127.0.0.1 only. Its own launcher binds every interface
// and has no option to choose one, so this sets the host on its Jetty connector before starting it.
// Compiled once by dynamodb-local.ts (javac), then run with DynamoDBLocal.jar and DynamoDBLocal_lib/* on the class path;
// the arguments are DynamoDB Local's own (-port, -dbPath, -sharedDb, ...).
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

class LoopbackLauncher {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    Connector[] connectors = server.getConnectors();
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local has no connector to bind");
    for (Connector connector : connectors) ((ServerConnector) connector).setHost("127.0.0.1");
    proxy.start();
    proxy.join();
  }
}
