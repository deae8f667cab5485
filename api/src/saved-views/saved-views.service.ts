import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SAVED_VIEW_LIMITS, SAVED_VIEW_PARAMS, type SavedView } from '@portal/shared';
import { ConflictException, NotFoundException } from '../common/app-exception';
import type { SaveViewDto } from './saved-views.dto';
import { type SavedViewRow, SavedViewsRepository } from './saved-views.repository';

function toView(row: SavedViewRow): SavedView {
  return { id: row.id, name: row.name, params: row.params, createdAt: row.created_at.toISOString() };
}

/** A person's own named inbox views (GET, POST, DELETE /me/views): nobody else reads or changes them. */
@Injectable()
export class SavedViewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: SavedViewsRepository,
  ) {}

  async list(userId: string): Promise<SavedView[]> {
    return (await this.repository.listOf(this.dataSource, userId)).map(toView);
  }

  save(userId: string, body: SaveViewDto): Promise<SavedView> {
    // Only the parameters given, in a fixed order: equal views store equal documents.
    const params: SavedView['params'] = {};
    for (const name of SAVED_VIEW_PARAMS) {
      const value = body.params[name];
      if (value !== undefined) params[name] = value;
    }
    return this.dataSource.transaction(async (db) => {
      await this.repository.lockOwner(db, userId);
      if ((await this.repository.countOf(db, userId)) >= SAVED_VIEW_LIMITS.perPerson) {
        throw new ConflictException(
          'views.limit-reached',
          `A person keeps at most ${SAVED_VIEW_LIMITS.perPerson} views: delete one first.`,
        );
      }
      if (await this.repository.nameTaken(db, userId, body.name))
        throw new ConflictException('views.name-taken', 'You already have a view with this name.');
      return toView(await this.repository.insert(db, userId, body.name, params));
    });
  }

  async delete(userId: string, id: string): Promise<void> {
    if (!(await this.repository.delete(this.dataSource, userId, id))) throw new NotFoundException('view');
  }
}
