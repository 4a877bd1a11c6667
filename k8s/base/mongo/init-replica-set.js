// Run by the mongo-init Job with `mongosh --nodb`. Reads everything from the environment:
//   SERVICE_MONGODB_URI  mongodb://<user>:<password>@<member>,<member>/<database>?replicaSet=...
//   MONGO_REPLICA_SET    the replica set's name (must match the URI's replicaSet)
//   MONGO_ROOT_USERNAME, MONGO_ROOT_PASSWORD   the root user the image created on each member
// The members of the set are exactly the hosts the service's URI lists, so the URI is the one
// place that says how many members there are.

const ATTEMPTS = 120;
const PAUSE_MILLIS = 5000;

function retry(what, action) {
  for (let attempt = 1; ; attempt++) {
    try {
      return action();
    } catch (e) {
      if (attempt >= ATTEMPTS) {
        throw new Error(what + ' failed ' + attempt + ' times; last error: ' + e.message);
      }
      print(what + ' not yet (' + e.message + '); trying again');
      sleep(PAUSE_MILLIS);
    }
  }
}

// mongosh throws for a command that answers ok: 0; here such answers are data to look at
function adminCommand(db, command) {
  try {
    return db.adminCommand(command);
  } catch (e) {
    return { ok: 0, codeName: e.codeName, errmsg: e.message };
  }
}

function parseServiceUri(uri) {
  const match = /^mongodb:\/\/([^:@\/]+):([^@\/]+)@([^\/?]+)\/([^?]+)\?(.*)$/.exec(uri || '');
  if (!match) {
    throw new Error('SERVICE_MONGODB_URI must look like mongodb://user:password@host:port,.../database?replicaSet=...');
  }
  const options = {};
  match[5].split('&').forEach(pair => {
    const [key, value] = pair.split('=');
    options[key] = decodeURIComponent(value || '');
  });
  return {
    user: decodeURIComponent(match[1]),
    password: decodeURIComponent(match[2]),
    members: match[3].split(','),
    database: decodeURIComponent(match[4]),
    options: options,
  };
}

const replicaSet = process.env.MONGO_REPLICA_SET;
const service = parseServiceUri(process.env.SERVICE_MONGODB_URI);
if (service.options.replicaSet !== replicaSet) {
  throw new Error('the service URI names replica set ' + service.options.replicaSet + ', the members run ' + replicaSet);
}
const rootCredentials = encodeURIComponent(process.env.MONGO_ROOT_USERNAME) + ':'
  + encodeURIComponent(process.env.MONGO_ROOT_PASSWORD);

// 1. the set: initiate it through the first member, once
const first = retry('reaching ' + service.members[0], () => {
  const db = connect('mongodb://' + rootCredentials + '@' + service.members[0]
    + '/admin?authSource=admin&directConnection=true&serverSelectionTimeoutMS=5000');
  db.runCommand({ ping: 1 });
  return db;
});
const status = adminCommand(first, { replSetGetStatus: 1 });
if (status.ok === 1) {
  print('replica set ' + status.set + ' already has ' + status.members.length + ' member(s)');
} else if (status.codeName === 'NotYetInitialized') {
  const config = {
    _id: replicaSet,
    // the first member is preferred as primary, so the set forms where it was initiated
    members: service.members.map((host, index) => ({ _id: index, host: host, priority: index === 0 ? 2 : 1 })),
  };
  retry('initiating ' + replicaSet, () => {
    const result = adminCommand(first, { replSetInitiate: config });
    if (result.ok !== 1 && result.codeName !== 'AlreadyInitialized') {
      throw new Error(result.errmsg);
    }
  });
  print('initiated ' + replicaSet + ' with ' + service.members.join(', '));
} else {
  throw new Error('unexpected replica set status: ' + JSON.stringify(status));
}

// 2. the service's user, created or brought in step with its Secret, on the primary
const primary = retry('finding the primary of ' + replicaSet, () => {
  const db = connect('mongodb://' + rootCredentials + '@' + service.members.join(',')
    + '/admin?authSource=admin&replicaSet=' + replicaSet + '&serverSelectionTimeoutMS=10000');
  if (!db.hello().isWritablePrimary) {
    throw new Error('no writable primary yet');
  }
  return db;
});
const target = primary.getSiblingDB(service.database);
const roles = [{ role: 'readWrite', db: service.database }];
retry('setting up user ' + service.user, () => {
  if (target.getUser(service.user)) {
    target.updateUser(service.user, { pwd: service.password, roles: roles });
    print('updated user ' + service.user + ' on ' + service.database);
  } else {
    target.createUser({ user: service.user, pwd: service.password, roles: roles });
    print('created user ' + service.user + ' on ' + service.database);
  }
});
