import { Commands, NodeContext } from '../constants';
import type { NodeView, PagedNode, TreeContext, TreeNode } from './node';

/** "Load more…": loads the next page of its parent. */
export class LoadMoreNode implements TreeNode {
  readonly id: string;
  constructor(readonly parent: PagedNode, private readonly ctx: TreeContext, private readonly loaded: number, private readonly total: number) {
    this.id = `${parent.id}/~more`;
  }

  view(): NodeView {
    const title = this.ctx.t('Load more…');
    return {
      label: title,
      description: this.ctx.t('{0} of {1}', this.loaded, this.total),
      icon: { id: 'ellipsis' },
      collapsible: 'none',
      contextValue: NodeContext.loadMore,
      command: { id: Commands.loadMore, title },
    };
  }
}

/** An empty list, said in the tree rather than as a blank. */
export class PlaceholderNode implements TreeNode {
  readonly id: string;
  constructor(readonly parent: TreeNode, private readonly label: string) {
    this.id = `${parent.id}/~empty`;
  }

  view(): NodeView {
    return { label: this.label, collapsible: 'none', contextValue: NodeContext.placeholder, icon: { id: 'info' } };
  }
}

/** A failed load of its parent's children; click (or Retry) loads again, Show Logs opens the log. */
export class ErrorNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly parent: TreeNode,
    private readonly ctx: TreeContext,
    readonly message: string,
    readonly retry: () => Promise<void>,
    private readonly credentialsProblem = false,
  ) {
    this.id = `${parent.id}/~error`;
  }

  view(): NodeView {
    return {
      label: this.ctx.t('{0} (click to retry)', this.message),
      tooltip: this.message,
      icon: { id: 'error', color: 'list.errorForeground' },
      collapsible: 'none',
      contextValue: this.credentialsProblem ? NodeContext.credentialsError : NodeContext.error,
      command: { id: Commands.retry, title: this.ctx.t('Retry') },
    };
  }
}

/** The profile's secret is missing or unreadable: the only root until the user enters it again. */
export class SignInNode implements TreeNode {
  readonly id: string;
  readonly parent = undefined;
  constructor(readonly profileName: string, private readonly ctx: TreeContext, private readonly reason: 'missing' | 'unreadable') {
    this.id = `${profileName}/~signin`;
  }

  view(): NodeView {
    const title = this.ctx.t('Sign in again');
    return {
      label: this.ctx.t('Sign in again: {0}', this.profileName),
      description: this.reason === 'missing' ? this.ctx.t('credentials not found') : this.ctx.t('credentials unreadable'),
      tooltip: this.ctx.t('The credentials of this profile are no longer in VS Code\'s secret storage. Enter them again to continue.'),
      icon: { id: 'key', color: 'list.warningForeground' },
      collapsible: 'none',
      contextValue: NodeContext.signIn,
      command: { id: Commands.updateCredentials, title },
    };
  }
}
