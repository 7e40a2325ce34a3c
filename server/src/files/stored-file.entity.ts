import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { User } from '../accounts/user.entity';
import { BaseEntity } from '../db/base.entity';

/**
 * An uploaded or generated document (transfer proofs, SPK PDFs), kept in the database so a backup,
 * a transaction and an access check cover it like any other row. Bytes are loaded only on download.
 */
@Entity({ tableName: 'stored_files' })
export class StoredFile extends BaseEntity {
  @ManyToOne(() => User, { ref: true, index: true })
  owner: Ref<User>;

  @Index()
  @Property({ length: 32 })
  purpose: string;

  @Property({ length: 64 })
  contentType: string;

  @Property({ length: 200 })
  fileName: string;

  @Property()
  size: number;

  @Property({ length: 64 })
  sha256: string;

  @Property({ type: 'blob', lazy: true })
  data: Buffer;
}
